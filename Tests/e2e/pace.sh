#!/usr/bin/env bash
# Keeping pace (issue 17 part 2) with a real daemon against real time and a real journald:
# two water_checkpoints a few seconds after start; 300 ml logged before them. The first (200 ml)
# is met and says nothing; the second (800 ml) finds the day behind and tells once, with its own
# MESSAGE_ID, CRAMPD_EVENT=behind and the catch-up capped at 500 ml; `ctl today` says how far
# behind, in text and --json. About 30 seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh
sdenv_setup
source Tests/e2e/lib/journal-daemon.sh pace
base=$(( $(date +%s) + 10 ))
first=$(date -u -d "@$base" +%H:%M:%S)
second=$(date -u -d "@$(( base + 8 ))" +%H:%M:%S)
if [ "$(date -u -d "@$base" +%F)" != "$(date -u -d "@$(( base + 8 ))" +%F)" ]; then
    echo "SKIP: the checkpoints would straddle midnight UTC"; exit 0
fi
cat >"$work/config/crampd/config.toml" <<TOML
[daemon]
timezone = "UTC"

[goals]
water_ml = 2000
water_checkpoints = ["$first=200", "$second=800"]
TOML
start_daemon
"$crampd" ctl drink 300 >/dev/null || sdenv_fail "ctl drink failed"
sdenv_wait_journal 30 -t crampd CRAMPD_EVENT=behind || sdenv_fail "no behind notice at the second checkpoint"
"$crampd" ctl today >"$work/today.txt" || sdenv_fail "ctl today failed"
"$crampd" ctl today --json >"$work/today.json" || sdenv_fail "ctl today --json failed"
grep -q "behind by 500 ml" "$work/today.txt" || sdenv_fail "ctl today does not say how far behind: $(cat "$work/today.txt")"
sleep 2  # a second notice (there must be none) has had its time
stop_daemon

sdenv_journal -t crampd -o json >"$work/journal.json"
python3 - "$work/journal.json" "$work/today.json" "$second" "$(( base + 8 ))" <<'PY' || sdenv_fail "keeping pace (see above)"
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
today = json.load(open(sys.argv[2]))
second, due = sys.argv[3], int(sys.argv[4]) * 10**6
problems = []
behind = [e for e in entries if e.get("CRAMPD_EVENT") == "behind"]
if len(behind) != 1:
    problems.append(f"{len(behind)} behind notices, expected exactly one")
else:
    e = behind[0]
    expected = {"MESSAGE_ID": "da6351fbfa2e40e5aeaf9ca3bdbf123e", "CRAMPD_WATER_ML": "300", "CRAMPD_CHECKPOINT_ML": "800",
                "CRAMPD_AMOUNT": "500", "CRAMPD_UNIT": "ml", "CRAMPD_DUE_USEC": str(due),
                "MESSAGE": f"300 of 800 ml by {second}: drink about 500 ml now."}
    for key, value in expected.items():
        if e.get(key) != value:
            problems.append(f"{key}={e.get(key)!r}, expected {value!r}")
    if not 0 <= int(e["_SOURCE_REALTIME_TIMESTAMP"]) - due <= 3 * 10**6:
        problems.append("the notice came more than 3 s after the checkpoint")
pace = today.get("pace")
if pace != {"expectedMilliliters": 800, "behindMilliliters": 500}:
    problems.append(f"ctl today --json pace: {pace} ({today})")
for p in problems:
    print("FAIL:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "PASS: keeping pace"
