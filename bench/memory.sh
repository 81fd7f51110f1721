#!/usr/bin/env bash
# Memory of a running JVM (Liberty) while a benchmark runs: every 10 s, heap in use and committed
# (jstat: survivor + eden + old; under ZGC all of it is "old"), the old generation alone (what survived
# collections under G1) and resident memory: RSS, and PSS, which counts a page mapped several times once
# (ZGC on JDK 17 maps the heap three times, so its RSS shows about three times the real heap).
# Usage: bench/memory.sh PID OUT   (stops when the process ends; e.g. PID=$(pgrep -f ws-server.jar | head -1))
set -euo pipefail
PID=$1; OUT=$2
echo "time heap_used_MB heap_committed_MB old_used_MB rss_MB pss_MB" > "$OUT"
while kill -0 "$PID" 2>/dev/null; do
  G=$(jstat -gc "$PID" | tail -1)
  R=$(ps -o rss= -p "$PID")
  P=$(awk '/^Pss:/ {print $2}' "/proc/$PID/smaps_rollup")
  echo "$(date +%T) $(echo $G | awk '{printf "%.0f %.0f %.0f", ($3+$4+$6+$8)/1024, ($1+$2+$5+$7)/1024, $8/1024}') $((R / 1024)) $((P / 1024))" >> "$OUT"
  sleep 10
done
