#!/usr/bin/env bash
# The journal fields of ctl events (issue 14 item 8), against a real journald: pause, resume,
# set, add, remove and reset each have a MESSAGE_ID and (for a reminder) CRAMPD_REMINDER; no
# field is written empty; a catch-up at start carries its real lateness and comes after
# "started". The daemon runs in the foreground here (no unit needed), on private paths.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh
sdenv_setup
source Tests/e2e/lib/journal-daemon.sh ctl-journal  # $crampd, $work, start_daemon, stop_daemon
# A grace of 1 s: whatever the minute, the latest hourly occurrence is late at the second start.
cat >"$work/config/crampd/config.toml" <<'TOML'
[daemon]
grace = "1s"

[[reminder]]
id = "water"
kind = "hydration"
amount = 250
every = "1h"
TOML
ctl() { "$crampd" ctl "$@" >/dev/null; }

# A first run leaves state; set back three hours, it owes a catch-up at the next start.
start_daemon; stop_daemon
python3 - "$work/state/crampd/state.json" <<'PY'
import json, sys
path = sys.argv[1]; state = json.load(open(path))
state["reminders"]["water"]["handledThrough"] -= 3 * 3600 * 10**6
json.dump(state, open(path, "w"))
PY
start_daemon
sdenv_wait_journal 10 -t crampd CRAMPD_EVENT=catch-up || sdenv_fail "no catch-up at start"
ctl pause 1h; ctl resume
ctl set water every=45m; ctl add stretch kind=stretch at=21:30; ctl remove stretch; ctl reset water
sdenv_wait_journal 10 -t crampd MESSAGE_ID=8062250ffef544b3b4e080dc49d68ed7 || sdenv_fail "no reset entry"
stop_daemon

sdenv_journal -t crampd -o json >"$work/journal.json"
python3 - "$work/journal.json" <<'PY' || sdenv_fail "journal fields (see above)"
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
ids = {"paused": "c260ecf97d564142a0e89012a287a2cf", "resumed": "d9f1236d858f435698d6cd13ac21cebe",
       "set": "b82cd15f41b54fb08bdec6196ba7af0e", "add": "9c2d24ad1f7c45dbb3c696bbc8719869",
       "remove": "aa0c654ca8e94f4d9f1574382e644603", "reset": "8062250ffef544b3b4e080dc49d68ed7"}
started = "7cff0eee88f04d36b7f24246e34e5bd6"
problems = []
for what, mid in ids.items():
    found = [e for e in entries if e.get("MESSAGE_ID") == mid]
    if not found:
        problems.append(f"no {what} entry with MESSAGE_ID={mid}")
    elif what in ("set", "add", "remove", "reset") and found[0].get("CRAMPD_REMINDER") not in ("water", "stretch"):
        problems.append(f"{what} entry without CRAMPD_REMINDER: {found[0]}")
for e in entries:
    empty = [k for k, v in e.items() if k.startswith("CRAMPD_") and v == ""]
    if empty:
        problems.append(f"empty fields {empty}: {e.get('MESSAGE')}")
catch_up = [i for i, e in enumerate(entries) if e.get("CRAMPD_EVENT") == "catch-up"]
starts = [i for i, e in enumerate(entries) if e.get("MESSAGE_ID") == started]
def real_lateness(e):  # when it was written minus the occurrence's planned time
    return int(e["_SOURCE_REALTIME_TIMESTAMP"]) - int(e["CRAMPD_DUE_USEC"])
if not catch_up or int(entries[catch_up[0]]["CRAMPD_LATENESS_USEC"]) < 10**6 \
        or abs(int(entries[catch_up[0]]["CRAMPD_LATENESS_USEC"]) - real_lateness(entries[catch_up[0]])) > 5 * 10**6:
    problems.append(f"catch-up lateness: {[entries[i] for i in catch_up]}")
elif "late by" not in entries[catch_up[0]]["MESSAGE"]:
    problems.append(f"catch-up message has no lateness: {entries[catch_up[0]]['MESSAGE']}")
if len(starts) < 2 or not starts[1] < catch_up[0]:
    problems.append(f"'started' (at {starts}) must come before the catch-up it causes (at {catch_up})")
for p in problems:
    print("FAIL:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "PASS: ctl journal fields"
