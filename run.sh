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
  Pipeline status (admin):   $url/app/admin/status.html   (API key: local-admin-key)
  Site's check before coding: $url/app/site/check.html?study=upsides-sample   (API key: local-kampala-key; custodian: local-custodian-key)
  Translation lead's queue:  $url/app/translation/index.html   (API key: local-translation-key)
  Coders' workspace:         $url/app/coders/index.html?study=upsides-sample   (API keys: local-coder-key, local-coder2-key)
  A study's transcripts:     curl -H 'X-Api-Key: local-lead-key' $url/api/studies/upsides-sample/transcripts
  Segments and suggestions:  curl -H 'X-Api-Key: local-coder-key' $url/api/studies/upsides-sample/transcripts/<id>/segments
  App log:                   .local/logs/app.log
EOT
if $once; then exit $status; fi
echo "Serving until Ctrl-C."
wait "$app_pid"
