#!/usr/bin/env bash
# The "10x less CPU than the npm parser" figure of issue 3: alternates bench/parser.sh (10 runs in one JVM) and
# bench/npm-parser.sh (5 runs in one node process) ROUNDS times, so both meet the same hour of the host, and prints
# per round the median warm process CPU of each (Conversa runs 3 - 10, npm runs 2 - 5) and their ratio.
# The host's speed drifts by some 30 % from hour to hour and the npm parser's runs spread over +-20 % within one
# process, so only rounds taken together say much.
# Usage: bench/parser-vs-npm.sh [ROUNDS]   (default 3; BENCH_DIR as for bench/parser.sh)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The median of the numbers on stdin, one per line.
median() {
  sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "round  Conversa warm CPU s (median)  npm warm CPU s (median)  npm : Conversa"
for round in $(seq "${1:-3}"); do
  # Both print a table per run after their "== warm" line; process CPU is the fifth column (Conversa), the fourth (npm).
  conversa=$("$ROOT/bench/parser.sh" 10 2>/dev/null | sed -n '/^== warm/,$p' | awk '$1 ~ /^[0-9]+$/ && $1 >= 3 { print $5 }' | median)
  npm=$("$ROOT/bench/npm-parser.sh" 5 2>/dev/null | sed -n '/^== warm/,$p' | awk '$1 ~ /^[0-9]+$/ && $1 >= 2 { print $4 }' | median)
  printf '%5d  %28.2f  %23.2f  %13.1fx\n' "$round" "$conversa" "$npm" "$(echo "$npm / $conversa" | bc -l)"
done
