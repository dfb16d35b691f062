#!/usr/bin/env bash
# The serving benchmark of issue 11 (docs/PERFORMANCE.md, "Serving under
# load"): `parallax serve` over a store of 30,000 generated articles while
# `parallax ingest` writes 20,000 more into it, loaded by `parallax bench
# --serve` at RATE requests/s for DURATION. The 30k store is built once and
# kept in DIR; each run serves a fresh copy.
#
#   make build && scripts/serve-load.sh            # RATE=200 DURATION=60s
#   RATE=300 DURATION=120s DIR=/tmp/x scripts/serve-load.sh --max-inflight 16
#
# Arguments are passed to `parallax serve`.
set -euo pipefail

BIN=${BIN:-bin/parallax}
DIR=${DIR:-/tmp/parallax-serve-load}
RATE=${RATE:-200}
DURATION=${DURATION:-60s}
PORT=${PORT:-18080}
BIN=$(realpath "$BIN")
mkdir -p "$DIR"
cd "$DIR"

if [ ! -f base30k.db ]; then
	"$BIN" bench --write-jsonl gen-30k.jsonl --n 30000
	"$BIN" bench --write-jsonl gen-next.jsonl --from 30000 --n 50000
	"$BIN" ingest --db base30k.tmp.db --quiet gen-30k.jsonl
	mv base30k.tmp.db base30k.db
fi
rm -f run.db run.db-wal run.db-shm
cp base30k.db run.db

"$BIN" serve --db run.db --addr "127.0.0.1:$PORT" --quiet "$@" &
SERVE=$!
INGEST=
cleanup() {
	[ -n "$INGEST" ] && kill "$INGEST" 2>/dev/null || true
	kill "$SERVE" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.2; done

echo "load before: $(uptime)"
nice "$BIN" ingest --db run.db --quiet gen-next.jsonl > ingest.log 2>&1 &
INGEST=$!
sleep 2
"$BIN" bench --serve "http://127.0.0.1:$PORT/" --rate "$RATE" --duration "$DURATION" --pid "$SERVE"
echo "load after:  $(uptime)"
echo "server state: $(curl -s "http://127.0.0.1:$PORT/healthz")"
