#!/usr/bin/env bash
# Search latency under load: 20 (CLIENTS) closed-loop clients over a mixed query set (bench/SearchLoad.java),
# once with the Redis cache bypassed (every answer from the index) and once with it.
# Usage: bench/search.sh [CLIENTS] [SECONDS] [BASE_URL] [ADMIN_PASSWORD] [MODES]
#   MODES: any of bypass, cached, counts (bypassed, every request asking for counts); default "bypass cached"
#   THINK_MS=1000 makes each client pause about a second after each answer, as a person would; default 0
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLIENTS=${1:-20}; SECONDS_=${2:-30}; BASE=${3:-http://localhost:9080}; PASS=${4:-$(cat ~/.conversa/dev/admin-password)}
T=$(curl -s $BASE/api/v1/auth/token -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$PASS\"}" | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])')
for mode in ${5:-bypass cached}; do
  case $mode in
    counts) java -Dthink=${THINK_MS:-0} "$ROOT/bench/SearchLoad.java" "$BASE" "$T" "$CLIENTS" "$SECONDS_" bypass counts ;;
    *) java -Dthink=${THINK_MS:-0} "$ROOT/bench/SearchLoad.java" "$BASE" "$T" "$CLIENTS" "$SECONDS_" "$mode" ;;
  esac
done
