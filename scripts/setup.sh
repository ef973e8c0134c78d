#!/usr/bin/env bash
# What both ./run.sh and ./test.sh need first: the .NET build, the local stack, and local settings with fresh keys.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p .local/logs
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is needed (dotnet on PATH)" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: Node.js and npm are needed for the local stack" >&2; exit 1; }

settings="src/PipelineFunctions.App/local.settings.json"
if [ ! -f "$settings" ]; then
  # Keys are made per machine and never committed: the sample file leaves them empty on purpose.
  master="$(head -c 32 /dev/urandom | base64 -w0)"
  kek="$(head -c 32 /dev/urandom | base64 -w0)"
  sed -e "s#\"Pipeline__PseudonymMasterKey\": \"\"#\"Pipeline__PseudonymMasterKey\": \"$master\"#" \
      -e "s#\"Pipeline__KeyEncryptionKey\": \"\"#\"Pipeline__KeyEncryptionKey\": \"$kek\"#" \
      local.settings.sample.json >"$settings"
  echo "setup: wrote $settings with new keys"
fi

echo "setup: building"
dotnet build PipelineFunctions.sln -c Release --nologo -v quiet -clp:ErrorsOnly
scripts/stack.sh start
