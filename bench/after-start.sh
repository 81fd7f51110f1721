#!/usr/bin/env bash
# Search and webhook latency in the first minutes after a start: copies a stopped server's data folder
# (an import already enriched by NLP, so nothing runs in the background), starts Conversa on the copy with
# JVM_ARGS, then runs bench/search.sh twice (20 users, about 1 s between a user's searches, 30 s each:
# the first starts as soon as the server is ready) and bench/webhook.sh with 2 connections for 15 s and
# with 10 for 20 s.
# The copy is removed afterwards. Ports 9380/9743, embedded PostgreSQL on 55432.
# Usage: JVM_ARGS=... bench/after-start.sh DATA_FOLDER
# Preparing DATA_FOLDER once:
#   CONVERSA_DATA_DIR=/tmp/base-data CONVERSA_WHATSAPP_APP_SECRET=fixture-app-secret-2b7d bin/conversa start
#   bench/import.sh FILE http://localhost:9080 $(cat /tmp/base-data/admin-password)
#   (wait until "SELECT count(*) FROM message WHERE enriched_at IS NULL" is 0) then bin/conversa stop
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${1:?data folder of a stopped server}
export CONVERSA_DATA_DIR=${BASE%/}-after-start CONVERSA_HTTP_PORT=9380 CONVERSA_HTTPS_PORT=9743 \
  CONVERSA_DEV_PG_PORT=55432 CONVERSA_ANALYTICS_INTERVAL=PT24H CONVERSA_WHATSAPP_APP_SECRET=fixture-app-secret-2b7d
URL=http://localhost:$CONVERSA_HTTP_PORT
rm -rf "$CONVERSA_DATA_DIR"
cp -a "$BASE" "$CONVERSA_DATA_DIR"
trap '"$ROOT/bin/conversa" stop >/dev/null 2>&1 || true; rm -rf "$CONVERSA_DATA_DIR"' EXIT
echo "== $(date +%T), load average $(cut -d' ' -f1 /proc/loadavg), JVM_ARGS='${JVM_ARGS:-}'"
started=$(date +%s.%N)
"$ROOT/bin/conversa" start >"$CONVERSA_DATA_DIR.start.log" 2>&1
echo "ready after $(echo "$(date +%s.%N) - $started" | bc) s"
password=$(cat "$CONVERSA_DATA_DIR/admin-password")
for round in first second; do
  echo "-- search, $round 30 s"
  THINK_MS=1000 "$ROOT/bench/search.sh" 20 30 "$URL" "$password" bypass | grep -E 'clients|  all'
done
for run in "2 15" "10 20"; do
  read -r connections seconds <<<"$run"
  echo "-- webhook, $connections connections, $seconds s"
  "$ROOT/bench/webhook.sh" "$connections" "$seconds" "$URL" | grep -E 'Requests/sec|^ +(50|99)%'
done
