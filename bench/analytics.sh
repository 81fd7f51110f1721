#!/usr/bin/env bash
# Runs the analytics job once on a running Conversa (POST /api/v1/admin/jobs/analytics), waits for it
# and prints its execution with the job's own start and end times.
# Usage: bench/analytics.sh [BASE_URL] [ADMIN_PASSWORD]   (default: http://localhost:9080, the dev admin password)
set -euo pipefail
BASE=${1:-http://localhost:9080}; PASS=${2:-$(cat ~/.conversa/dev/admin-password)}
T=$(curl -s $BASE/api/v1/auth/token -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$PASS\"}" | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])')
start=$(date +%s.%N)
E=$(curl -s -XPOST $BASE/api/v1/admin/jobs/analytics -H "Authorization: Bearer $T" | python3 -c 'import json,sys;print(json.load(sys.stdin)["executionId"])')
while :; do
  S=$(curl -s $BASE/api/v1/admin/batch/executions/$E -H "Authorization: Bearer $T")
  st=$(echo $S | python3 -c 'import json,sys;print(json.load(sys.stdin)["status"])')
  [[ $st == COMPLETED || $st == FAILED || $st == STOPPED ]] && break
  sleep 0.5
done
echo "analytics $st after $(echo "$(date +%s.%N) - $start" | bc) s (polled every 0.5 s): $S"
