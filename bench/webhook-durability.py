#!/usr/bin/env python3
"""Durability check of the webhook: a burst of distinct signed bodies from SENDERS concurrent
senders, Liberty killed with -9 once KILL_AFTER were answered (so with requests in flight when
SENDERS > 1), started again; then every body that was answered 200 must be stored, and no body
stored twice. A body whose request was cut by the kill may or may not be stored: it was never
acknowledged, and Meta would send it again.

Needs a Conversa started by bin/conversa with CONVERSA_WHATSAPP_APP_SECRET=fixture-app-secret-2b7d.
Usage: bench/webhook-durability.py [COUNT] [KILL_AFTER] [SENDERS]   (defaults 600, 300 and 1)
"""
import hashlib, hmac, json, os, subprocess, sys, threading, time, urllib.request, urllib.error, uuid
from concurrent.futures import ThreadPoolExecutor

BASE = os.environ.get("BASE", "http://localhost:9080")
SECRET = b"fixture-app-secret-2b7d"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
count = int(sys.argv[1]) if len(sys.argv) > 1 else 600
kill_after = int(sys.argv[2]) if len(sys.argv) > 2 else 300
senders = int(sys.argv[3]) if len(sys.argv) > 3 else 1
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


# Our own Liberty only: other servers may run on the same machine.
server = os.path.join(ROOT, "ear", "target", "liberty", "wlp", "bin", "tools", "ws-server.jar") + " conversa"
accepted, refused, lock, killed = [], [], threading.Lock(), threading.Event()


def send(i):
    status = post(body(i))
    with lock:
        (accepted if status == 200 else refused).append(i)
        if len(accepted) == kill_after and not killed.is_set():
            killed.set()
            pid = subprocess.run(["pgrep", "-f", server], capture_output=True, text=True).stdout.split()[0]
            os.kill(int(pid), 9)
            print(f"killed Liberty (pid {pid}) after {kill_after} answers, {senders} senders")


with ThreadPoolExecutor(senders) as pool:
    list(pool.map(send, range(count)))
print(f"{len(accepted)} bodies answered 200, {len(refused)} not answered (cut by the kill, or server down)")

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
missing = sorted(accepted)
while missing and time.time() < deadline:
    missing = [i for i in missing if not stored(i)]
    if missing:
        time.sleep(2)
unacknowledged_stored = [i for i in refused if stored(i)]
conversations = json.load(urllib.request.urlopen(urllib.request.Request(BASE + "/api/v1/conversations?limit=500",
                                                                        headers={"Authorization": "Bearer " + token})))
mine = [c for c in conversations if c["title"] == f"Durability {run}"]
distinct = len(accepted) - len(missing) + len(unacknowledged_stored)
print(f"stored after restart: {len(accepted) - len(missing)} of {len(accepted)} accepted; missing: {missing[:20]}")
print(f"not acknowledged but stored: {len(unacknowledged_stored)} {unacknowledged_stored[:20]}")
print(f"conversation message count: {mine[0]['messageCount'] if mine else 'no conversation'} (distinct bodies stored {distinct})")
sys.exit(0 if not missing and mine and mine[0]["messageCount"] == distinct else 1)
