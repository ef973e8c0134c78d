#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against the real local Azurite and cosmosdb-server.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
scripts/setup.sh
scripts/install-chromium.sh
trap 'scripts/stack.sh stop' EXIT
dotnet test PipelineFunctions.sln -c Release --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee .local/logs/test.log
