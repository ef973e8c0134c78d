#!/usr/bin/env bash
# Starts (or stops) the local stand-ins on loopback: Azurite (Blob 10000, Queue 10001, Table 10002) and
# cosmosdb-server (HTTPS 8081, self-signed). Both keep data in memory: a restart starts clean.
# Usage: scripts/stack.sh start|stop|status
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.local"
mkdir -p "$state/logs"
bin="$root/tools/local-stack/node_modules/.bin"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done
  echo "stack: port $1 did not open; see $state/logs/" >&2
  return 1
}

start() {
  if [ ! -x "$bin/azurite" ] || [ ! -x "$bin/cosmosdb-server" ]; then
    echo "stack: installing azurite and cosmosdb-server into tools/local-stack/node_modules"
    (cd "$root/tools/local-stack" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  fi
  if port_open 10001; then echo "stack: Azurite already listening"; else
    nohup "$bin/azurite" --silent --inMemoryPersistence --skipApiVersionCheck --loose \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$state/logs/azurite.log" 2>&1 &
    echo $! >"$state/azurite.pid"
  fi
  if port_open 8081; then echo "stack: cosmosdb-server already listening"; else
    nohup "$bin/cosmosdb-server" --host 127.0.0.1 --port 8081 >"$state/logs/cosmosdb-server.log" 2>&1 &
    echo $! >"$state/cosmos.pid"
  fi
  wait_port 10000 && wait_port 10001 && wait_port 8081
  echo "stack: Azurite on 127.0.0.1:10000-10002, cosmosdb-server on https://127.0.0.1:8081"
}

stop() {
  for name in azurite cosmos; do
    if [ -f "$state/$name.pid" ]; then kill "$(cat "$state/$name.pid")" 2>/dev/null || true; rm -f "$state/$name.pid"; fi
  done
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) port_open 10001 && echo "Azurite: up" || echo "Azurite: down"; port_open 8081 && echo "cosmosdb-server: up" || echo "cosmosdb-server: down" ;;
  *) echo "usage: scripts/stack.sh start|stop|status" >&2; exit 2 ;;
esac
