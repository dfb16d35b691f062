#!/usr/bin/env bash
# CPU per request of `parallax serve` with its caches off (docs/PERFORMANCE.md,
# "Storage and reads (issue 16)"): for each path, eight requests to warm it,
# then N*P requests, P at a time, and the server's user and system time
# (/proc/PID/stat) before and after, divided by N*P. Wall times scatter on
# a shared machine; CPU time much less. "{k}" in a path is the request's
# number modulo P, from 1, as in read-latency.sh. PROF=FILE writes the
# server's CPU profile (serve --cpuprofile).
#
#   scripts/read-cpu.sh STORE.db PATH...   # BIN=bin/parallax N=10 P=8 PORT=18090
set -euo pipefail
DB=$1
shift
BIN=${BIN:-bin/parallax}
N=${N:-10}
P=${P:-8}
PORT=${PORT:-18090}
extra=()
[ -n "${PROF:-}" ] && extra=(--cpuprofile "$PROF")
"$BIN" serve --db "$DB" --addr "127.0.0.1:$PORT" --quiet --cache-mb 0 --list-ttl 0 --outlets-ttl 0 "${extra[@]}" &
SERVE=$!
# An interrupt, so that serve stops its profile and writes it.
trap 'kill -INT $SERVE 2>/dev/null || true; wait $SERVE 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.2; done
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$SERVE/stat"; }
printf '%-40s %12s\n' path cpu_ms_per_req
for path in "$@"; do
	url="http://127.0.0.1:$PORT$path"
	for k in 1 2 3 4 5 6 7 8; do curl -s -o /dev/null "${url//\{k\}/$k}"; done
	before=$(cpu)
	seq $((N * P)) | xargs -P "$P" -I{} sh -c 'curl -s -o /dev/null "$(echo "$0" | sed "s/{k}/$(($1 % $2 + 1))/")"' "$url" {} "$P"
	after=$(cpu)
	awk -v p="$path" -v a="$after" -v b="$before" -v t="$tck" -v n=$((N * P)) 'BEGIN {printf "%-40s %12.1f\n", p, (a - b) * 1000 / t / n}'
done
