#!/usr/bin/env bash
# bench-pipeline from a fresh start: its own Azurite, a new Cosmos database, a new app process (the local host and its
# worker), then `pipeline bench-pipeline` against it; stops only what it started. The first upload after the start
# counts, so the figures include whatever a cold worker pays (model load, first compilation, empty caches).
#   scripts/bench-pipeline.sh [--no-build] [bench-pipeline options, default --runs 5]
# Ports (so it never touches the stack ./run.sh and ./test.sh use): BENCH_STORAGE_PORT (Blob; Queue and Table the
# next two, default 20100), BENCH_HTTP_PORT (default 0: a free one). Cosmos: the cosmosdb-server on BENCH_COSMOS_PORT
# (default 8081) when one listens there, else one started on that port for the run. App log: .local/logs/bench-app.log.
# BENCH_APP_DIR: another build of the app to measure (default this tree's Release build), for before/after.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build=true; [ "${1:-}" = "--no-build" ] && { build=false; shift; }
[ $# -gt 0 ] || set -- --runs 5
storage_port="${BENCH_STORAGE_PORT:-20100}"
cosmos_port="${BENCH_COSMOS_PORT:-8081}"
http_port="${BENCH_HTTP_PORT:-0}"
bin="${LOCAL_STACK_BIN:-$root/tools/local-stack/node_modules/.bin}"
work="$(mktemp -d "${TMPDIR:-/tmp}/bench-pipeline.XXXXXX")"
logs="$root/.local/logs"; mkdir -p "$logs"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done
  echo "bench: port $1 did not open" >&2; return 1
}

if [ ! -x "$bin/azurite" ]; then
  echo "bench: installing azurite and cosmosdb-server into tools/local-stack/node_modules"
  (cd "$root/tools/local-stack" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
if $build; then
  for project in Cli LocalHost App; do
    dotnet build "src/PipelineFunctions.$project" -c Release --nologo -v quiet -clp:ErrorsOnly
  done
fi

for p in "$storage_port" $((storage_port + 1)) $((storage_port + 2)); do
  port_open "$p" && { echo "bench: port $p is taken; set BENCH_STORAGE_PORT" >&2; exit 1; }
done
"$bin/azurite" --silent --inMemoryPersistence --skipApiVersionCheck --loose --blobHost 127.0.0.1 --queueHost 127.0.0.1 \
  --tableHost 127.0.0.1 --blobPort "$storage_port" --queuePort $((storage_port + 1)) --tablePort $((storage_port + 2)) \
  >"$work/azurite.log" 2>&1 &
pids+=($!)
if ! port_open "$cosmos_port"; then
  "$bin/cosmosdb-server" --host 127.0.0.1 --port "$cosmos_port" >"$work/cosmos.log" 2>&1 &
  pids+=($!)
fi
wait_port "$storage_port" && wait_port $((storage_port + 1)) && wait_port "$cosmos_port"

# The sample settings with fresh keys; storage, database and Cosmos port are this run's own (the environment wins).
key() { head -c 32 /dev/urandom | base64 -w0; }
sed -e "s#\"Pipeline__PseudonymMasterKey\": \"\"#\"Pipeline__PseudonymMasterKey\": \"$(key)\"#" \
    -e "s#\"Pipeline__KeyEncryptionKey\": \"\"#\"Pipeline__KeyEncryptionKey\": \"$(key)\"#" \
    local.settings.sample.json >"$work/local.settings.json"
account="AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;$account;BlobEndpoint=http://127.0.0.1:$storage_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$((storage_port + 1))/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((storage_port + 2))/devstoreaccount1"
export Pipeline__StorageConnection="$AzureWebJobsStorage"
export Pipeline__CosmosEndpoint="https://127.0.0.1:$cosmos_port/"
export Pipeline__CosmosDatabase="bench-$(date +%s)-$$"

dotnet src/PipelineFunctions.LocalHost/bin/Release/net10.0/PipelineFunctions.LocalHost.dll \
  --app "${BENCH_APP_DIR:-src/PipelineFunctions.App/bin/Release/net10.0}" --port "$http_port" --settings "$work/local.settings.json" \
  >"$logs/bench-app.log" 2>&1 &
pids+=($!)
url=""
for _ in $(seq 1 180); do
  url="$(sed -n 's/.*functions on \(http:\/\/127\.0\.0\.1:[0-9]*\);.*/\1/p' "$logs/bench-app.log" | head -n1)"
  [ -n "$url" ] && curl -fs -o /dev/null "$url/app/admin/status.html" && break
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "bench: the app exited at start:" >&2; tail -n 30 "$logs/bench-app.log" >&2; exit 1; }
  url=""; sleep 0.5
done
[ -n "$url" ] || { echo "bench: the app did not start in 90 s" >&2; tail -n 30 "$logs/bench-app.log" >&2; exit 1; }
echo "bench: app on $url (database $Pipeline__CosmosDatabase, storage on $storage_port-$((storage_port + 2))); load: $(uptime | sed 's/.*load/load/')"
status=0
dotnet src/PipelineFunctions.Cli/bin/Release/net10.0/pipeline.dll bench-pipeline --url "$url" --study samples/study.json "$@" || status=$?
echo "bench: load after: $(uptime | sed 's/.*load/load/')"
exit $status
