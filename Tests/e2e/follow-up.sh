#!/usr/bin/env bash
# Follow-ups until done (issue 17 part 1) with a real daemon against real time and a real
# journald: two reminders fall due a few seconds after start with repeat = "1m", repeat_max = 2.
# "pill" goes unanswered: due, follow-up 1, follow-up 2, then missed (journal and diary), every
# entry with the original CRAMPD_DUE_USEC. "tea" is confirmed with `ctl done` after its first
# follow-up and gets no more. The daemon is restarted between the first and second follow-up:
# none is repeated, none lost. About 3 minutes 20 seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh
sdenv_setup
source Tests/e2e/lib/journal-daemon.sh follow-up
# Due 8 s from now (whole seconds), so the daemon is up well before.
due_seconds=$(( $(date +%s) + 8 ))
at=$(date -u -d "@$due_seconds" +%H:%M:%S)
cat >"$work/config/crampd/config.toml" <<TOML
[daemon]
timezone = "UTC"

[[reminder]]
id = "pill"
kind = "custom"
message = "Take the e2e pill"
at = "$at"
repeat = "1m"
repeat_max = 2
urgent = true

[[reminder]]
id = "tea"
kind = "custom"
message = "Drink the e2e tea"
at = "$at"
repeat = "1m"
repeat_max = 2
TOML
start_daemon
sdenv_wait_journal 20 -t crampd CRAMPD_REMINDER=tea CRAMPD_EVENT=due || sdenv_fail "tea was not due"
sdenv_wait_journal 75 -t crampd CRAMPD_REMINDER=tea CRAMPD_EVENT=repeat CRAMPD_REPEAT=1 || sdenv_fail "no first follow-up of tea"
"$crampd" ctl done tea >/dev/null || sdenv_fail "ctl done tea failed"
# What ctl shows between the first and second follow-up of pill.
"$crampd" ctl list --json >"$work/list.json" || sdenv_fail "ctl list --json failed"
"$crampd" ctl list >"$work/list.txt" || sdenv_fail "ctl list failed"
grep -q "follows up at $(date -u -d "@$(( due_seconds + 120 ))" +%H:%M) (2 of 2)" "$work/list.txt" \
    || sdenv_fail "ctl list does not show pill's pending follow-up: $(cat "$work/list.txt")"
# A restart keeps the count.
stop_daemon
start_daemon
sdenv_wait_journal 75 -t crampd CRAMPD_REMINDER=pill CRAMPD_EVENT=repeat CRAMPD_REPEAT=2 || sdenv_fail "no second follow-up of pill"
sdenv_wait_journal 75 -t crampd CRAMPD_REMINDER=pill CRAMPD_EVENT=missed || sdenv_fail "pill was not recorded as missed"
sleep 3  # anything tea would still get (it must not) has had its time
stop_daemon

sdenv_journal -t crampd -o json >"$work/journal.json"
sqlite3 "$work/state/crampd/diary.sqlite" "SELECT reminder, event, planned_usec FROM reminder_event ORDER BY id" >"$work/diary.txt"
python3 - "$work/journal.json" "$work/list.json" "$work/diary.txt" "$due_seconds" <<'PY' || sdenv_fail "follow-ups (see above)"
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
listed = json.load(open(sys.argv[2]))
diary = [line.split("|") for line in open(sys.argv[3]).read().split()]
due = str(int(sys.argv[4]) * 10**6)
REPEATED, MISSED = "5f89b010dc8142fba89113108736bf50", "2c89ea735c5b4a30bdac999eb34866c6"
problems = []
def events(reminder):
    return [e for e in entries if e.get("CRAMPD_REMINDER") == reminder and "CRAMPD_EVENT" in e]
pill = events("pill")
if [(e["CRAMPD_EVENT"], e.get("CRAMPD_REPEAT")) for e in pill] != [("due", None), ("repeat", "1"), ("repeat", "2"), ("missed", None)]:
    problems.append(f"pill: {[(e['CRAMPD_EVENT'], e.get('CRAMPD_REPEAT')) for e in pill]}")
if any(e.get("CRAMPD_DUE_USEC") != due for e in pill):
    problems.append(f"pill: not every entry has CRAMPD_DUE_USEC={due}: {[e.get('CRAMPD_DUE_USEC') for e in pill]}")
if [e.get("MESSAGE_ID") for e in pill if e["CRAMPD_EVENT"] == "repeat"] != [REPEATED] * 2:
    problems.append("pill: a follow-up without its MESSAGE_ID")
missed = [e for e in pill if e["CRAMPD_EVENT"] == "missed"]
if missed and (missed[0].get("MESSAGE_ID") != MISSED or "unanswered after 2 follow-ups" not in missed[0]["MESSAGE"]):
    problems.append(f"pill: missed entry {missed[0]}")
# Each follow-up a minute after the firing before it (a restart in between changes nothing).
times = [int(e["_SOURCE_REALTIME_TIMESTAMP"]) for e in pill]
gaps = [b - a for a, b in zip(times, times[1:])]
if len(gaps) != 3 or any(not 59 * 10**6 <= g <= 63 * 10**6 for g in gaps):
    problems.append(f"pill: gaps between its entries {gaps} µs, expected about a minute each")
tea = events("tea")
if [(e["CRAMPD_EVENT"], e.get("CRAMPD_REPEAT")) for e in tea] != [("due", None), ("repeat", "1"), ("done", None)]:
    problems.append(f"tea: {[(e['CRAMPD_EVENT'], e.get('CRAMPD_REPEAT')) for e in tea]}")
if tea and tea[-1].get("CRAMPD_DUE_USEC") != due:
    problems.append(f"tea: the done did not answer the occurrence followed up: {tea[-1]}")
rows = {r["id"]: r for r in listed["reminders"]}
pending = rows.get("pill", {}).get("followUp")
if not pending or pending.get("count") != {"number": 2, "of": 2} or str(pending.get("due")) != due:
    problems.append(f"ctl list --json: pill's followUp is {pending}")
if "followUp" in rows.get("tea", {}):
    problems.append(f"ctl list --json: tea was done, yet shows {rows['tea']['followUp']}")
if ["pill", "missed", due] not in diary or ["tea", "missed", due] in diary:
    problems.append(f"diary: {diary}")
for p in problems:
    print("FAIL:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "PASS: follow-ups until done"
