#!/usr/bin/env bash
# What both ./run.sh and ./test.sh need first: the .NET build, the local stack, and local settings with fresh keys.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p .local/logs
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is needed (dotnet on PATH)" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: Node.js and npm are needed for the local stack" >&2; exit 1; }

settings="src/PipelineFunctions.App/local.settings.json"
# Keys are made per machine and never committed: the sample leaves them empty. The rest of the file is the sample's,
# written again each time so new settings arrive; the keys a machine already has are kept (pseudonyms depend on them).
key_of() { [ -f "$settings" ] && sed -n "s/.*\"Pipeline__$1\": \"\([^\"]*\)\".*/\1/p" "$settings" | head -n1; }
master="$(key_of PseudonymMasterKey || true)"; [ -n "$master" ] || master="$(head -c 32 /dev/urandom | base64 -w0)"
kek="$(key_of KeyEncryptionKey || true)"; [ -n "$kek" ] || kek="$(head -c 32 /dev/urandom | base64 -w0)"
sed -e "s#\"Pipeline__PseudonymMasterKey\": \"\"#\"Pipeline__PseudonymMasterKey\": \"$master\"#" \
    -e "s#\"Pipeline__KeyEncryptionKey\": \"\"#\"Pipeline__KeyEncryptionKey\": \"$kek\"#" \
    local.settings.sample.json >"$settings.new"
mv "$settings.new" "$settings"

echo "setup: building"
# The formatter (CSharpier, a local tool in dotnet-tools.json) that keeps lines within 120 characters.
dotnet tool restore >/dev/null
dotnet build PipelineFunctions.sln -c Release --nologo -v quiet -clp:ErrorsOnly
scripts/stack.sh start
