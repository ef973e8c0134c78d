#!/usr/bin/env bash
# Runs the pipeline on this machine: builds, starts the local stack and the function app, loads the sample study,
# waits until every sample transcript is processed and prints where to look.
#   ./run.sh          keeps serving until Ctrl-C
#   ./run.sh --once   exits after the status table: 0 only if every sample reached its expected state
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
once=false; [ "${1:-}" = "--once" ] && once=true
port="${PIPELINE_PORT:-7071}"
url="http://127.0.0.1:$port"

scripts/setup.sh

app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  scripts/stack.sh stop
}
trap cleanup EXIT INT TERM

echo "run: starting the local Functions host and the function app's worker on $url (log: .local/logs/app.log)"
dotnet src/PipelineFunctions.LocalHost/bin/Release/net10.0/PipelineFunctions.LocalHost.dll --app src/PipelineFunctions.App/bin/Release/net10.0 \
  --port "$port" --settings src/PipelineFunctions.App/local.settings.json >.local/logs/app.log 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "$url/app/admin/status.html" && break; sleep 0.5; done

status=0
dotnet src/PipelineFunctions.Cli/bin/Release/net10.0/pipeline.dll run-sample --url "$url" --study samples/study.json || status=$?

cat <<EOT

Where to look:
  Home (every page from here):  $url/app/   (sign in once; the key holds in every tab until Sign out)
  Keys by role:  study lead local-lead-key · site researchers local-kampala-key (Kampala), local-dar-key (Dar es Salaam)
                 translation lead local-translation-key · coders local-coder-key, local-coder2-key
                 admin local-admin-key · data custodian local-custodian-key
  The sample study's home:      $url/app/?study=upsides-sample
  The site's check before coding:  $url/app/site/check.html?study=upsides-sample   (local-kampala-key; custodian local-custodian-key)
  App log:                   .local/logs/app.log
EOT
if $once; then exit $status; fi
echo "Serving until Ctrl-C."
wait "$app_pid"
