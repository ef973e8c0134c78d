#!/usr/bin/env bash
# Regenerates src/PipelineFunctions.Core/Pseudonymisation/Data/english-words.txt.gz: the lower-case words of
# Debian's wamerican list (SCOWL, freely usable). A capitalised word that starts a sentence is taken for a name
# only when it is not an ordinary English word. The output is committed, so builds need nothing installed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -f /usr/share/dict/american-english ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wamerican >/dev/null; }
{ echo "# Debian wamerican (SCOWL) lower-case words; see scripts/make-english-words.sh"; grep -E "^[a-z]+$" /usr/share/dict/american-english; } \
  | gzip -9n >"$root/src/PipelineFunctions.Core/Pseudonymisation/Data/english-words.txt.gz"
ls -la "$root/src/PipelineFunctions.Core/Pseudonymisation/Data/english-words.txt.gz"
