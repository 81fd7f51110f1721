#!/usr/bin/env bash
# CPU of the import's message fingerprints (MessageFingerprints) over the export that bench/parser.sh
# generates, apart from parsing: this tree's version, then git REF's (default main) in the same way, in
# turns, so that a change can be compared in the same minutes. Both must print the same checksum.
# Usage: bench/fingerprints.sh [REF] [RUNS]   (BENCH_DIR as for bench/parser.sh; JAVA_HEAP default -Xmx4g,
# since all 1.5 M parsed messages are held)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REF=${1:-main}
RUNS=${2:-10}
EXPORT=$("$ROOT/bench/parser.sh" generate)
BENCH_DIR=$(dirname "$EXPORT")
JAVA_HEAP=${JAVA_HEAP:--Xmx4g}
APP=ejb-module/src/main/java/io/conversa/application
EXPORT_SOURCES=$(find "$ROOT/ejb-module/src/main/java/io/conversa/interfaces/export" -name '*.java')

compile() { # compile OUT FINGERPRINTS_SOURCE
  rm -rf "$1" && mkdir -p "$1"
  javac -encoding UTF-8 -d "$1" $EXPORT_SOURCES "$2" "$ROOT/ejb-module/src/test/java/io/conversa/application/FingerprintBenchmark.java"
}
compile "$BENCH_DIR/fingerprints-this-tree" "$ROOT/$APP/MessageFingerprints.java"
mkdir -p "$BENCH_DIR/fingerprints-src-$REF"
git -C "$ROOT" show "$REF:$APP/MessageFingerprints.java" >"$BENCH_DIR/fingerprints-src-$REF/MessageFingerprints.java"
compile "$BENCH_DIR/fingerprints-$REF" "$BENCH_DIR/fingerprints-src-$REF/MessageFingerprints.java"
for turn in 1 2; do
  for version in this-tree "$REF"; do
    echo "== $version (turn $turn)"
    java "$JAVA_HEAP" -cp "$BENCH_DIR/fingerprints-$version" io.conversa.application.FingerprintBenchmark "$EXPORT" "$RUNS"
  done
done
