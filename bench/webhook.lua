-- wrk script: POSTs one signed fixture body to the webhook, as Meta would.
-- WEBHOOK_BODY and WEBHOOK_SIGNATURE come from bench/webhook.sh.
wrk.method = "POST"
wrk.body = io.open(os.getenv("WEBHOOK_BODY"), "rb"):read("*a")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Hub-Signature-256"] = os.getenv("WEBHOOK_SIGNATURE")
