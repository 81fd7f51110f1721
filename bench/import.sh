#!/usr/bin/env bash
# End-to-end import benchmark: uploads FILE to a running Conversa as admin, waits for the job, prints the times
# and the CPU seconds Liberty and PostgreSQL used meanwhile (when they run on this machine).
# Usage: bench/import.sh FILE [BASE_URL] [ADMIN_PASSWORD]   (default: http://localhost:9080, the dev admin password)
# NAME=chat.txt uploads under that file name: a later export uploaded under the same name merges into the
# conversation the first one made (default: a new name each time, so a new conversation).
# TIMELINE=FILE also writes, every 2 s, the cores each group of Liberty's threads and PostgreSQL kept busy,
# and their CPU seconds in all at the end (bench/cpu-timeline.py).
set -euo pipefail
FILE=$1; BASE=${2:-http://localhost:9080}; PASS=${3:-$(cat ~/.conversa/dev/admin-password)}
T=$(curl -s $BASE/api/v1/auth/token -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$PASS\"}" | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])')
CPU=$(dirname "${BASH_SOURCE[0]}")/cpu-seconds.py
read -r LIB0 PG0 < <(python3 "$CPU")
if [[ -n "${TIMELINE:-}" ]]; then
  python3 "$(dirname "${BASH_SOURCE[0]}")/cpu-timeline.py" "$TIMELINE" &
  SAMPLER=$!
fi
start=$(date +%s.%N)
R=$(curl -s $BASE/api/v1/conversations/import -H "Authorization: Bearer $T" -F "file=@$FILE;filename=${NAME:-bench-$(date +%s).txt}" -F timezone=UTC)
up=$(date +%s.%N)
echo "upload answered after $(echo "$up - $start" | bc) s: $R"
J=$(echo $R | python3 -c 'import json,sys;print(json.load(sys.stdin)["jobId"])')
while :; do
  S=$(curl -s $BASE/api/v1/jobs/$J -H "Authorization: Bearer $T")
  st=$(echo $S | python3 -c 'import json,sys;print(json.load(sys.stdin)["status"])')
  [[ $st == SUCCEEDED || $st == FAILED ]] && break
  sleep 1
done
end=$(date +%s.%N)
echo "job $st after $(echo "$end - $start" | bc) s total: $S"
read -r LIB1 PG1 < <(python3 "$CPU")
if [[ -n "${TIMELINE:-}" ]]; then
  kill "$SAMPLER" && wait "$SAMPLER" || true
  tail -1 "$TIMELINE"
fi
echo "CPU seconds meanwhile (processes on this machine): Liberty $(echo "$LIB1 - $LIB0" | bc), PostgreSQL $(echo "$PG1 - $PG0" | bc)"
