#!/usr/bin/env bash
# Chained doses (issue 17 part 3) with a real daemon against real time and a real journald:
# "magnesium" comes `after = "dinner"` with `delay = "1m"`. Before dinner is done nothing is
# planned for it; `ctl done dinner` plans it a minute later (`ctl next` says so), a restart in
# between keeps the confirmation, and it fires once, with CRAMPD_DUE_USEC one minute after
# dinner's CRAMPD_DONE_USEC. About 80 seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh
sdenv_setup
source Tests/e2e/lib/journal-daemon.sh chain
# Dinner's own time is far from now, so only its confirmation matters.
dinner_at=$(date -u -d "@$(( $(date +%s) + 6 * 3600 ))" +%H:%M)
cat >"$work/config/crampd/config.toml" <<TOML
[daemon]
timezone = "UTC"

[[reminder]]
id = "dinner"
kind = "custom"
message = "Dinner time"
at = "$dinner_at"

[[reminder]]
id = "magnesium"
kind = "electrolyte"
electrolyte = "magnesium"
amount = 200
after = "dinner"
delay = "1m"
TOML
start_daemon
"$crampd" ctl list >"$work/list.txt" || sdenv_fail "ctl list failed"
grep -q "1m after dinner is done" "$work/list.txt" || sdenv_fail "ctl list does not word the chain: $(cat "$work/list.txt")"
"$crampd" ctl next --json >"$work/next-before.json" || sdenv_fail "ctl next failed"
"$crampd" ctl done dinner >/dev/null || sdenv_fail "ctl done dinner failed"
"$crampd" ctl next --json >"$work/next-after.json" || sdenv_fail "ctl next failed"
# A restart keeps the confirmation (the state file has it).
stop_daemon
start_daemon
sdenv_wait_journal 80 -t crampd CRAMPD_REMINDER=magnesium CRAMPD_EVENT=due || sdenv_fail "magnesium did not come after dinner"
sleep 3  # a second firing (there must be none) has had its time
stop_daemon

sdenv_journal -t crampd -o json >"$work/journal.json"
python3 - "$work/journal.json" "$work/next-before.json" "$work/next-after.json" <<'PY' || sdenv_fail "chained doses (see above)"
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
before, after = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
problems = []
def events(reminder):
    return [e for e in entries if e.get("CRAMPD_REMINDER") == reminder and "CRAMPD_EVENT" in e]
def planned(doc, reminder):
    return [str(o["at"]) for o in doc["occurrences"] if o["reminder"] == reminder]
done = [e for e in events("dinner") if e["CRAMPD_EVENT"] == "done"]
mg = events("magnesium")
if len(done) != 1 or [e["CRAMPD_EVENT"] for e in mg] != ["due"]:
    problems.append(f"dinner done {len(done)} times, magnesium events {[e['CRAMPD_EVENT'] for e in mg]}")
else:
    expected = int(done[0]["CRAMPD_DONE_USEC"]) + 60 * 10**6
    if int(mg[0]["CRAMPD_DUE_USEC"]) != expected:
        problems.append(f"magnesium due {mg[0]['CRAMPD_DUE_USEC']}, expected {expected} (a minute after dinner was done)")
    fired = int(mg[0]["_SOURCE_REALTIME_TIMESTAMP"])
    if not 0 <= fired - expected <= 3 * 10**6:
        problems.append(f"magnesium fired {fired - expected} µs after its due time")
    if planned(before, "magnesium"):
        problems.append(f"ctl next planned magnesium before dinner was done: {planned(before, 'magnesium')}")
    if planned(after, "magnesium")[:1] != [str(expected)]:
        problems.append(f"ctl next after done: {planned(after, 'magnesium')}, expected [{expected}]")
for p in problems:
    print("FAIL:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "PASS: chained doses"
