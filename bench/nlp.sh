#!/usr/bin/env bash
# NLP evaluation and throughput (issue 6, item 7): accuracy per task and language over the labelled
# set in ejb-module/src/test/resources/nlp-eval, then messages per second through the pipeline
# (1 and 2 threads) over that set repeated. Compiles ejb-module with Maven offline, runs the
# evaluation in a plain JVM. Usage: bench/nlp.sh [REPEATS]   (default 600: ~110,000 messages a run)
# MISSES=1 also lists every message the pipeline got wrong.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
mvn -q -o -pl ejb-module -am test-compile
CP_FILE=ejb-module/target/nlp-classpath.txt
mvn -q -o -pl ejb-module -am dependency:build-classpath -Dmdep.outputFile="$ROOT/$CP_FILE" -Dmdep.includeScope=test >/dev/null
java -Xmx1g ${MISSES:+-Dmisses=1} -cp "ejb-module/target/test-classes:ejb-module/target/classes:$(cat $CP_FILE)" \
  io.conversa.application.nlp.NlpEvaluation "${1:-600}"
