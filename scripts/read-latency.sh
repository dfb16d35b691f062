#!/usr/bin/env bash
# Read latency one request at a time (docs/PERFORMANCE.md, "Storage and
# reads (issue 16)"): `parallax serve` with its caches off, each path
# requested N times in turn after one warm-up, p50 and p95 per path. With
# P=8, eight requests at a time (N each, P*N in all). Requests for one
# story page at once share its rendering (cache off or not), so "{k}" in a
# path is the request's number modulo P, from 1: eight pages at once.
#
#   scripts/read-latency.sh STORE.db [STORY_ID [ENTITY_ID [STORYLINE_ID]]]   # BIN=/tmp/px16 N=20 P=1 PORT=18090
#
# PATHS="/outlets /search?q=x" measures only those paths.
set -euo pipefail
DB=$1
STORY=${2:-1}
ENTITY=${3:-1}
STORYLINE=${4:-1}
BIN=${BIN:-bin/parallax}
N=${N:-20}
P=${P:-1}
PORT=${PORT:-18090}
"$BIN" serve --db "$DB" --addr "127.0.0.1:$PORT" --quiet --cache-mb 0 --list-ttl 0 --outlets-ttl 0 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true; wait 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.2; done
printf '%-40s %8s %8s %9s\n' path p50_ms p95_ms bytes
DEFAULT=(/ "/?page=100" "/?sort=coverage" "/?outlet=The+Sheimlak+Daily" /api/stories "/api/stories?page=100"
	/outlets /storylines /api/storylines "/search?q=confirmed" "/api/search?q=confirmed" "/?q=confirmed"
	"/stories/$STORY" "/api/stories/$STORY" "/stories/$STORY?articles=8" "/api/stories/$STORY?page=8" "/stories/$STORY/names"
	"/stories/$STORY?articles={k}" "/api/stories/$STORY?page={k}"
	/entities /api/entities "/entities?q=Galdreirnak" "/entities/$ENTITY" "/api/entities/$ENTITY"
	"/storylines/$STORYLINE" "/api/storylines/$STORYLINE")
read -r -a ASKED <<<"${PATHS:-}"
for path in "${ASKED[@]:-${DEFAULT[@]}}"; do
	url="http://127.0.0.1:$PORT$path"
	size=$(curl -s -o /dev/null -w '%{size_download}' "${url//\{k\}/1}")
	seq $((N * P)) | xargs -P "$P" -I{} sh -c 'curl -s -o /dev/null -w "%{time_total}\n" "$(echo "$0" | sed "s/{k}/$(($1 % $2 + 1))/")"' "$url" {} "$P" |
		sort -n |
		awk -v p="$path" -v s="$size" '{t[NR]=$1} END {i50=int((NR+1)/2); i95=int(NR*0.95+0.999); if (i95>NR) i95=NR;
			printf "%-40s %8.1f %8.1f %9d\n", p, t[i50]*1000, t[i95]*1000, s}'
done
