#!/usr/bin/env bash
# The page tests drive Debian's Chromium (never a browser a test tool downloads). Installs it when missing.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
echo "setup: installing Debian's chromium for the page tests"
sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
