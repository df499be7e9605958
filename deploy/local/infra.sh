#!/usr/bin/env bash
# Local infrastructure for development and tests: a real nats-server with JetStream and FerretDB
# (MongoDB wire protocol, SQLite backend), both built from pinned Go modules and keeping their
# data under .data/. Safe to run twice: a server that already answers is left alone.
#
#   infra.sh up | down | status | build
#
# Where NATS_URL or MONGO_URL is set, that server is used and nothing is started for it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/deploy/local"
DATA="${PANDAWA_DATA_DIR:-$ROOT/.data}"
BIN="$DATA/bin"
NATS_PORT="${PANDAWA_NATS_PORT:-4222}"
NATS_MONITOR_PORT="${PANDAWA_NATS_MONITOR_PORT:-8222}"
MONGO_PORT="${PANDAWA_MONGO_PORT:-27017}"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

log() { printf '[infra] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() { # name port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    port_open "$2" && return 0
    sleep 0.1
  done
  log "$1 did not answer on port $2 within $3 s; see $DATA/$1.log"
  tail -n 20 "$DATA/$1.log" >&2 || true
  return 1
}

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Rebuild a binary when it is missing or older than any file of its module dir (*.go, go.mod,
# go.sum), so an edited wrapper is rebuilt on the next `up`.
build_one() { # name module-dir package
  local out="$BIN/$1" src stale=0
  if [[ -x "$out" ]]; then
    for src in "$HERE/$2"/*.go "$HERE/$2/go.mod" "$HERE/$2/go.sum"; do
      if [[ -e "$src" && "$src" -nt "$out" ]]; then stale=1; break; fi
    done
    if ((stale == 0)); then return 0; fi
  fi
  command -v go >/dev/null || { log "Go is needed to build $1 (https://go.dev)"; exit 1; }
  log "building $1 (when missing or its sources changed; this takes a minute or two)"
  mkdir -p "$BIN"
  (cd "$HERE/$2" && go build -o "$out" "$3")
}

build() {
  [[ -n "${NATS_URL:-}" ]] || build_one nats-server nats-server github.com/nats-io/nats-server/v2
  [[ -n "${MONGO_URL:-}" ]] || build_one ferretdb ferretdb .
}

start_nats() {
  if [[ -n "${NATS_URL:-}" ]]; then log "NATS_URL is set: using $NATS_URL"; return; fi
  if port_open "$NATS_PORT"; then log "nats-server already answers on $NATS_PORT"; return; fi
  mkdir -p "$DATA/nats"
  # setsid: the servers outlive this script and do not take the terminal's Ctrl-C themselves;
  # `down` stops them in order.
  setsid "$BIN/nats-server" --jetstream --store_dir "$DATA/nats" --addr 127.0.0.1 \
    --port "$NATS_PORT" --http_port "$NATS_MONITOR_PORT" --server_name pandawa-local \
    >"$DATA/nats-server.log" 2>&1 </dev/null &
  echo $! >"$DATA/nats-server.pid"
  wait_for_port nats-server "$NATS_PORT" 30
  # JetStream answers a little after the client port opens.
  local i
  for ((i = 0; i < 100; i++)); do
    if command -v curl >/dev/null; then
      curl -sf "http://127.0.0.1:$NATS_MONITOR_PORT/healthz?js-enabled-only=true" >/dev/null && break
    else
      break
    fi
    sleep 0.1
  done
  log "nats-server (JetStream) ready on nats://127.0.0.1:$NATS_PORT"
}

start_ferretdb() {
  if [[ -n "${MONGO_URL:-}" ]]; then log "MONGO_URL is set: using it"; return; fi
  if port_open "$MONGO_PORT"; then log "FerretDB already answers on $MONGO_PORT"; return; fi
  mkdir -p "$DATA/ferretdb"
  setsid "$BIN/ferretdb" --listen-addr "127.0.0.1:$MONGO_PORT" --sqlite-dir "$DATA/ferretdb" \
    >"$DATA/ferretdb.log" 2>&1 </dev/null &
  echo $! >"$DATA/ferretdb.pid"
  wait_for_port ferretdb "$MONGO_PORT" 30
  log "FerretDB ready on mongodb://127.0.0.1:$MONGO_PORT"
}

stop_one() { # name
  local pidfile="$DATA/$1.pid" i
  if ! pid_alive "$pidfile"; then rm -f "$pidfile"; log "$1 not running"; return; fi
  local pid
  pid="$(cat "$pidfile")"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$1 did not stop within 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  log "$1 stopped"
}

status() {
  local name port
  for name in nats-server:$NATS_PORT ferretdb:$MONGO_PORT; do
    port="${name#*:}"
    if port_open "$port"; then echo "${name%%:*}: up (port $port)"; else echo "${name%%:*}: down"; fi
  done
}

mkdir -p "$DATA"
case "${1:-up}" in
  build) build ;;
  up) build && start_nats && start_ferretdb ;;
  down) stop_one ferretdb && stop_one nats-server ;;
  status) status ;;
  *) echo "usage: $0 up|down|status|build" >&2; exit 2 ;;
esac
