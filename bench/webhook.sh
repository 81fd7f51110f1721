#!/usr/bin/env bash
# Load benchmark of POST /webhook/whatsapp with a signed fixture body (wrk, from Debian's packages).
# Needs a Conversa started with the fixtures' app secret:
#   CONVERSA_WHATSAPP_APP_SECRET=fixture-app-secret-2b7d bin/conversa start
# Usage: bench/webhook.sh [CONNECTIONS] [SECONDS] [BASE_URL]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FIXTURES=${FIXTURES:-$ROOT/../shared/fixtures/webhooks}
export WEBHOOK_BODY=$FIXTURES/01_text.json
export WEBHOOK_SIGNATURE=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['signatures']['01_text.json'])" "$FIXTURES/SIGNATURES.json")
wrk -t2 -c"${1:-10}" -d"${2:-20}s" --latency -s "$ROOT/bench/webhook.lua" "${3:-http://localhost:9080}/webhook/whatsapp"
