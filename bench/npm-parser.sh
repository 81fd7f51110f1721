#!/usr/bin/env bash
# The npm package whatsapp-chat-parser on the export that bench/parser.sh generates, for comparison.
# Installs the package into /tmp with npm's configured registry, then measures
#   1. one run in a fresh node process under /usr/bin/time: cold, start-up included;
#   2. RUNS runs in one process (CPU from process.cpuUsage): the first cold, the others warm.
# Each run reads the file and parses it with attachments recognized, as Conversa's parser does.
# Usage: bench/npm-parser.sh [RUNS]   (default 5; NPM_BENCH_DIR overrides /tmp/conversa-npm-parser)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NPM_BENCH_DIR=${NPM_BENCH_DIR:-/tmp/conversa-npm-parser}
EXPORT=$("$ROOT/bench/parser.sh" generate)

mkdir -p "$NPM_BENCH_DIR"
if [[ ! -d "$NPM_BENCH_DIR/node_modules/whatsapp-chat-parser" ]]; then
  (cd "$NPM_BENCH_DIR" && npm install --no-audit --no-fund --no-save whatsapp-chat-parser@4 >&2)
fi
# The script lives next to node_modules so that node finds the package.
cat >"$NPM_BENCH_DIR/bench.mjs" <<'JS'
import { readFileSync, statSync } from 'node:fs';
import { parseString } from 'whatsapp-chat-parser';

const [file, runs = '1'] = process.argv.slice(2);
const mb = statSync(file).size / 1e6;
console.log(`file ${file}: ${mb.toFixed(1)} MB; node ${process.version}`);
console.log('run  messages   wall s  process CPU s     MB/s  messages/s  heap used MB  max RSS MB');
for (let run = 1; run <= Number(runs); run++) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const messages = parseString(readFileSync(file, 'utf8'), { parseAttachments: true });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  // Taken while the parsed messages are still held, as a caller would hold them.
  const heap = process.memoryUsage().heapUsed / 1e6;
  const rss = process.resourceUsage().maxRSS / 1e3;
  console.log([String(run).padStart(3), String(messages.length).padStart(8), wall.toFixed(2).padStart(7),
    cpuSeconds.toFixed(2).padStart(13), (mb / wall).toFixed(1).padStart(7),
    (messages.length / wall).toFixed(0).padStart(10), heap.toFixed(1).padStart(12), rss.toFixed(1).padStart(10)].join('  '));
}
JS

echo "== cold: one run in a fresh node process"
/usr/bin/time -f 'process: %e s wall, %U s user + %S s system CPU, max RSS %M KB' \
  node "$NPM_BENCH_DIR/bench.mjs" "$EXPORT" 1
echo "== warm: ${1:-5} runs in one process"
node "$NPM_BENCH_DIR/bench.mjs" "$EXPORT" "${1:-5}"
