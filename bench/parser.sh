#!/usr/bin/env bash
# Parse-only benchmark of the export parser (issue 3, item 7). Compiles the parser and the benchmark
# with javac alone (the parser needs nothing beyond the JDK, so no Maven build is disturbed), writes
# the generated ~100 MB export if it is missing, then measures
#   1. one run in a fresh JVM under /usr/bin/time: cold, JVM start and JIT warm-up included;
#   2. RUNS runs in one JVM: the first cold, the others warm.
# Usage: bench/parser.sh [RUNS]     (default 5; JAVA_HEAP overrides -Xmx256m, BENCH_DIR the work folder)
#        bench/parser.sh generate   only writes the export and prints its path (used by npm-parser.sh)
#        bench/parser.sh later N    writes a later export of the same chat (the same messages, then N more)
#                                   and prints its path (used for the incremental analytics figure)
#        MESSAGES=15000000 bench/parser.sh generate   a larger export (15 M messages: about 1 GB)
#        bench/parser.sh compare [REF]  the differential check of a parser change: ParserDigest over the
#                                   fixtures, mutated and random inputs and the export, once with the parser
#                                   of git REF (default main) and once with this tree's; prints any difference
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/ejb-module/target/bench}
CLASSES=$BENCH_DIR/classes
MESSAGES=${MESSAGES:-1500000}
if [[ $MESSAGES == 1500000 ]]; then SIZE=1.5m; else SIZE=$((MESSAGES / 1000000))m; fi
EXPORT=$BENCH_DIR/android-export-$SIZE-messages.txt
JAVA_HEAP=${JAVA_HEAP:--Xmx256m}
BENCH=io.conversa.interfaces.export.bench

rm -rf "$CLASSES"
javac -encoding UTF-8 -d "$CLASSES" $(find "$ROOT/ejb-module/src/main/java/io/conversa/interfaces/export" \
  "$ROOT/ejb-module/src/test/java/io/conversa/interfaces/export/bench" -name '*.java')
if [[ "${1:-}" == compare ]]; then
  OLD_CLASSES=$BENCH_DIR/classes-${2:-main}
  OLD_SOURCES=$BENCH_DIR/sources-${2:-main}
  rm -rf "$OLD_CLASSES" "$OLD_SOURCES"
  mkdir -p "$OLD_SOURCES"
  git -C "$ROOT" archive "${2:-main}" ejb-module/src/main/java/io/conversa/interfaces/export | tar -x -C "$OLD_SOURCES"
  javac -encoding UTF-8 -d "$OLD_CLASSES" $(find "$OLD_SOURCES" -name '*.java')
  # One compiled ParserDigest and its ExportMutations (they use the public API only) run against both versions.
  mkdir -p "$OLD_CLASSES/io/conversa/interfaces/export/bench"
  cp "$CLASSES/io/conversa/interfaces/export/bench/"{ParserDigest,ExportMutations}.class "$OLD_CLASSES/io/conversa/interfaces/export/bench/"
  [[ -f "$EXPORT" ]] || java -cp "$CLASSES" "$BENCH.ExportGenerator" "$EXPORT" "$MESSAGES"
  FIXTURES=$(cd "$ROOT/../shared/fixtures/exports" && pwd)
  java -cp "$OLD_CLASSES" "$BENCH.ParserDigest" "$FIXTURES" "$EXPORT" >"$BENCH_DIR/digest-${2:-main}.txt"
  java -cp "$CLASSES" "$BENCH.ParserDigest" "$FIXTURES" "$EXPORT" >"$BENCH_DIR/digest-this-tree.txt"
  echo "$(wc -l <"$BENCH_DIR/digest-this-tree.txt") inputs compared"
  if cmp -s "$BENCH_DIR/digest-${2:-main}.txt" "$BENCH_DIR/digest-this-tree.txt"; then
    echo "no difference"
  else
    diff "$BENCH_DIR/digest-${2:-main}.txt" "$BENCH_DIR/digest-this-tree.txt" | head -20
    exit 1
  fi
  exit 0
fi
if [[ "${1:-}" == later ]]; then
  LATER=$BENCH_DIR/android-export-1.5m-plus-${2:?how many more messages}.txt
  [[ -f "$LATER" ]] || java -cp "$CLASSES" "$BENCH.ExportGenerator" "$LATER" $((1500000 + $2))
  echo "$LATER"
  exit 0
fi
if [[ ! -f "$EXPORT" ]]; then
  echo "generating $EXPORT" >&2
  java -cp "$CLASSES" "$BENCH.ExportGenerator" "$EXPORT" "$MESSAGES"
fi
if [[ "${1:-}" == generate ]]; then
  echo "$EXPORT"
  exit 0
fi

echo "== cold: one run in a fresh JVM ($JAVA_HEAP)"
/usr/bin/time -f 'process: %e s wall, %U s user + %S s system CPU, max RSS %M KB' \
  java "$JAVA_HEAP" -cp "$CLASSES" "$BENCH.ParseBenchmark" "$EXPORT" 1
echo "== warm: ${1:-5} runs in one JVM ($JAVA_HEAP)"
java "$JAVA_HEAP" -cp "$CLASSES" "$BENCH.ParseBenchmark" "$EXPORT" "${1:-5}"
