#!/usr/bin/env bash
# Supplies (issue 17 part 4) with a real daemon, journald and diary: 4 magnesium tablets, one a
# day by the schedule, so the run-out is within the default 7-day refill notice. The journal
# tells at start and again after a dose (CRAMPD_EVENT=refill, its MESSAGE_ID); `ctl stock`
# shows units left and the run-out (text and --json); `ctl stock magnesium 60` records the
# refill in the diary and nothing more is told. About 15 seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh
sdenv_setup
source Tests/e2e/lib/journal-daemon.sh supply
cat >"$work/config/crampd/config.toml" <<TOML
[daemon]
timezone = "UTC"

[[reminder]]
id = "magnesium"
kind = "electrolyte"
electrolyte = "magnesium"
amount = 200
at = "$(date -u -d "@$(( $(date +%s) + 6 * 3600 ))" +%H:%M)"

[supply.magnesium]
units = 4
mg_per_unit = 200
TOML
start_daemon
sdenv_wait_journal 10 -t crampd CRAMPD_EVENT=refill || sdenv_fail "no refill notice at start"
"$crampd" ctl stock --json >"$work/stock-before.json" || sdenv_fail "ctl stock --json failed"
"$crampd" ctl take magnesium >/dev/null || sdenv_fail "ctl take failed"
refills_at_least() { [ "$(sdenv_journal -t crampd CRAMPD_EVENT=refill -o cat | wc -l)" -ge "$1" ]; }
sdenv_wait_for 10 refills_at_least 2 || sdenv_fail "no refill notice after the dose"
"$crampd" ctl stock >"$work/stock.txt" || sdenv_fail "ctl stock failed"
grep -q "magnesium: 3 units left (200 mg each), run out around .*: time to refill" "$work/stock.txt" \
    || sdenv_fail "ctl stock: $(cat "$work/stock.txt")"
"$crampd" ctl stock magnesium 60 >"$work/set.txt" || sdenv_fail "ctl stock magnesium 60 failed"
grep -q "Set magnesium to 60 units." "$work/set.txt" || sdenv_fail "ctl stock magnesium 60: $(cat "$work/set.txt")"
sleep 2  # a notice after the refill (there must be none) has had its time
stop_daemon

sdenv_journal -t crampd -o json >"$work/journal.json"
sqlite3 "$work/state/crampd/diary.sqlite" "SELECT electrolyte, units FROM stock_count ORDER BY id" >"$work/counts.txt"
python3 - "$work/journal.json" "$work/stock-before.json" "$work/counts.txt" <<'PY' || sdenv_fail "supplies (see above)"
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
before = json.load(open(sys.argv[2]))
counts = open(sys.argv[3]).read().split()
problems = []
refills = [e for e in entries if e.get("CRAMPD_EVENT") == "refill"]
if [e.get("CRAMPD_UNITS_LEFT") for e in refills] != ["4", "3"]:
    problems.append(f"refill notices with units left {[e.get('CRAMPD_UNITS_LEFT') for e in refills]}, expected 4 at start and 3 after the dose")
if any(e.get("MESSAGE_ID") != "ae43e7ed0c04456dbedb894989c6089f" or "CRAMPD_RUN_OUT_USEC" not in e for e in refills):
    problems.append("a refill notice without its MESSAGE_ID or CRAMPD_RUN_OUT_USEC")
supply = before.get("supplies", [{}])[0]
if (supply.get("electrolyte"), supply.get("unitsLeft"), supply.get("unitsPerHorizon"), supply.get("refillDue")) != ("magnesium", 4, 14, True):
    problems.append(f"ctl stock --json before the dose: {before}")
if counts != ["magnesium|4", "magnesium|60"]:
    problems.append(f"diary stock counts: {counts}")
for p in problems:
    print("FAIL:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "PASS: supplies"
