#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against the real local Azurite and cosmosdb-server,
# with page tests in Debian's headless Chromium. Ends with one line: "tests: N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
scripts/setup.sh
scripts/install-chromium.sh
trap 'scripts/stack.sh stop' EXIT
status=0
# Formatting is a test like any other: CSharpier holds every C# file to 120 characters.
dotnet csharpier check . >.local/logs/format.log 2>&1 || { status=1; echo "format: files not formatted (dotnet csharpier format .):"; cat .local/logs/format.log; }
dotnet test PipelineFunctions.sln -c Release --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee .local/logs/test.log || status=$?
passed=$(awk '/^ *Passed: *[0-9]+$/ {s += $2} END {print s + 0}' .local/logs/test.log)
failed=$(awk '/^ *Failed: *[0-9]+$/ {s += $2} END {print s + 0}' .local/logs/test.log)
echo "tests: $passed passed, $failed failed"
[ "$passed" -gt 0 ] || status=1
exit $status
