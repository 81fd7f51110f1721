#!/usr/bin/env python3
"""Durability check of the webhook: a burst of distinct signed bodies, Liberty killed with -9 in the
middle, started again; then every body that was answered 200 must be stored, once.

Needs a Conversa started by bin/conversa with CONVERSA_WHATSAPP_APP_SECRET=fixture-app-secret-2b7d.
Usage: bench/webhook-durability.py [COUNT] [KILL_AFTER]   (defaults 600 and 300)
"""
import hashlib, hmac, json, os, subprocess, sys, time, urllib.request, urllib.error, uuid

BASE = os.environ.get("BASE", "http://localhost:9080")
SECRET = b"fixture-app-secret-2b7d"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
count = int(sys.argv[1]) if len(sys.argv) > 1 else 600
kill_after = int(sys.argv[2]) if len(sys.argv) > 2 else 300
run = uuid.uuid4().hex[:8]
contact = "4917" + str(int(time.time()))[-8:]


def body(i):
    message = {"from": contact, "id": f"wamid.durability.{run}.{i}", "timestamp": str(1749416383 + i),
               "type": "text", "text": {"body": f"burst {i}"}}
    value = {"messaging_product": "whatsapp", "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
             "contacts": [{"profile": {"name": f"Durability {run}"}, "wa_id": contact}], "messages": [message]}
    return json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"value": value, "field": "messages"}]}]},
                      separators=(",", ":")).encode()


def post(data):
    signature = "sha256=" + hmac.new(SECRET, data, hashlib.sha256).hexdigest()
    request = urllib.request.Request(BASE + "/webhook/whatsapp", data=data, method="POST",
                                     headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


accepted, refused = [], 0
for i in range(count):
    if i == kill_after:
        pid = subprocess.run(["pgrep", "-f", "ws-server.jar conversa"], capture_output=True, text=True).stdout.split()[0]
        os.kill(int(pid), 9)
        print(f"killed Liberty (pid {pid}) after {i} bodies")
    status = post(body(i))
    if status == 200:
        accepted.append(i)
    else:
        refused += 1
print(f"{len(accepted)} bodies answered 200, {refused} not answered (server down)")

subprocess.run([os.path.join(ROOT, "bin", "conversa"), "start"], check=True)
admin = open(os.path.expanduser(os.environ.get("CONVERSA_DATA_DIR", "~/.conversa/dev")) + "/admin-password").read().strip()
token = json.load(urllib.request.urlopen(urllib.request.Request(BASE + "/api/v1/auth/token", method="POST",
        data=json.dumps({"username": "admin", "password": admin}).encode(), headers={"Content-Type": "application/json"})))["access_token"]


def stored(i):
    request = urllib.request.Request(f"{BASE}/api/v1/whatsapp/messages/wamid.durability.{run}.{i}",
                                     headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request) as response:
            return json.load(response).get("text") == f"burst {i}"
    except urllib.error.HTTPError:
        return False


deadline = time.time() + 120
missing = accepted
while missing and time.time() < deadline:
    missing = [i for i in missing if not stored(i)]
    if missing:
        time.sleep(2)
conversations = json.load(urllib.request.urlopen(urllib.request.Request(BASE + "/api/v1/conversations?limit=500",
                                                                        headers={"Authorization": "Bearer " + token})))
mine = [c for c in conversations if c["title"] == f"Durability {run}"]
print(f"stored after restart: {len(accepted) - len(missing)} of {len(accepted)} accepted; missing: {missing[:20]}")
print(f"conversation message count: {mine[0]['messageCount'] if mine else 'no conversation'} (accepted {len(accepted)})")
sys.exit(0 if not missing and mine and mine[0]["messageCount"] == len(accepted) else 1)
