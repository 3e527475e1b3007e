#!/usr/bin/env bash
# ctl watch, hooks and ctl bar (issue 18 parts 1 and 2) against a real daemon and journald:
# - a slow reader (a SIGSTOPped `ctl watch`) is dropped with "overrun" while the daemon keeps
#   answering, and a reader that keeps up sees every event;
# - `ctl watch` (human and --json) and `ctl bar` see trigger, done, drink, goal-met, pause,
#   resume, reload and cramp as they happen; the JSON fields are the journal entry's;
# - hooks: one gets its placeholders and environment, one that sleeps past its timeout is
#   stopped and logged, one that fails is logged; none delays the next reminder.
# - a restart: `ctl watch` ends with status 1, the bar says "crampd stopped" and reconnects.
# About 40 seconds once it has the e2e lock.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh
sdenv_setup
source Tests/e2e/lib/journal-daemon.sh watch
readers=()
stop_readers() { local p; for p in "${readers[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; readers=(); }
sdenv_on_exit stop_readers

# config [EXTRA-TOML]: one water reminder every 6 h and a goal of 1000 ml, then EXTRA-TOML.
config() {
    printf '%s\n' '[daemon]' 'timezone = "UTC"' '[goals]' 'water_ml = 1000' \
        '[[reminder]]' 'id = "water"' 'kind = "hydration"' 'amount = 250' 'every = "6h"' >"$work/config/crampd/config.toml"
    printf '%s\n' "${1:-}" >>"$work/config/crampd/config.toml"
}
config
start_daemon

# 1. A slow reader is dropped with overrun; the daemon keeps answering; a fast one sees all.
"$crampd" ctl watch --json >"$work/slow.json" 2>"$work/slow.err" & slow=$!; readers+=("$slow")
"$crampd" ctl watch --json >"$work/fast.json" 2>"$work/fast.err" & fast=$!; readers+=("$fast")
sdenv_wait_for 5 test -s "$work/fast.err" || true
sleep 0.3
kill -STOP "$slow"
python3 - "$CRAMPD_SOCKET" 300 <<'PY' || sdenv_fail "triggering 300 times over one keep-alive connection failed"
import json, socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); f = s.makefile("rwb")
n = int(sys.argv[2])
for i in range(1, n + 1):
    f.write((json.dumps({"command": "trigger", "reminder": "water", "id": i, "version": 1, "keepAlive": i < n}) + "\n").encode()); f.flush()
    answer = json.loads(f.readline())
    assert answer.get("ok"), answer
PY
started=$(date +%s%N)
"$crampd" ctl status >/dev/null || sdenv_fail "the daemon did not answer while a watcher was stalled"
[ $(( ($(date +%s%N) - started) / 1000000 )) -lt 2000 ] || sdenv_fail "ctl status took over 2 s while a watcher was stalled"
kill -CONT "$slow"
status=0; timeout 10 tail --pid="$slow" -f /dev/null || true; wait "$slow" || status=$?
[ "$status" = 1 ] || sdenv_fail "the dropped watcher exited with $status, expected 1"
tail -n 1 "$work/slow.json" | grep -q '"code":"overrun"' || sdenv_fail "the slow reader's last line is not overrun: $(tail -n 1 "$work/slow.json")"
grep -q "read events too slowly" "$work/slow.err" || sdenv_fail "ctl watch did not say why it was dropped: $(cat "$work/slow.err")"
slow_events=$(grep -c '"CRAMPD_EVENT":"due"' "$work/slow.json" || true)
[ "$slow_events" -lt 300 ] || sdenv_fail "the slow reader got all $slow_events events: it was not dropped"
sdenv_wait_for 10 sh -c "[ \$(grep -c '\"CRAMPD_EVENT\":\"due\"' '$work/fast.json') -ge 300 ]" \
    || sdenv_fail "the reader that kept up saw $(grep -c '"CRAMPD_EVENT":"due"' "$work/fast.json") of 300 events"
stop_readers

# 2. Hooks come with a reload (itself an event); a reminder falls due while hooks run.
due_seconds=$(( $(date +%s) + 12 ))
config "$(cat <<TOML
[[reminder]]
id = "soon"
kind = "custom"
message = "The e2e reminder that must not wait for hooks"
at = "$(date -u -d "@$due_seconds" +%H:%M:%S)"

[[hook]]
on = ["due"]
exec = ["sh", "-c", "printf '%s|%s|%s|%s\\\\n' \"\$1\" \"\$CRAMPD_EVENT\" \"\$CRAMPD_REMINDER\" \"\$CRAMPD_HOOK\" >>'$work/hook.out'", "sh", "{event}/{reminder} at {due}: {message}"]

[[hook]]
on = ["due"]
exec = ["sleep", "30"]
timeout = "1s"

[[hook]]
on = ["drink", "due"]
exec = ["sh", "-c", "echo failing on purpose >&2; exit 7"]
TOML
)"
"$crampd" ctl watch >"$work/watch.txt" 2>"$work/watch.err" & readers+=($!)
"$crampd" ctl watch --json >"$work/watch.json" 2>/dev/null & readers+=($!)
"$crampd" ctl bar --format plain >"$work/bar.txt" 2>"$work/bar.err" & readers+=($!)
sdenv_wait_for 5 test -s "$work/bar.txt" || sdenv_fail "ctl bar printed nothing"
sleep 0.3
"$crampd" ctl reload >/dev/null || sdenv_fail "ctl reload failed"
"$crampd" ctl trigger water >/dev/null
"$crampd" ctl done water >/dev/null
"$crampd" ctl drink 800 >/dev/null
"$crampd" ctl pause 1h >/dev/null
"$crampd" ctl resume >/dev/null
"$crampd" ctl cramp --muscle calf --severity 4 >/dev/null
# Hooks are running (the sleeper has 1 s) when "soon" falls due.
sleep $(( due_seconds - $(date +%s) - 1 > 0 ? due_seconds - $(date +%s) - 1 : 0 ))
"$crampd" ctl trigger water >/dev/null
sdenv_wait_journal 15 -t crampd CRAMPD_REMINDER=soon CRAMPD_EVENT=due || sdenv_fail "soon did not fall due"
sdenv_wait_journal 10 -t crampd CRAMPD_HOOK=3 CRAMPD_HOOK_EVENT=drink || sdenv_fail "the failing hook left nothing in the journal"
sdenv_wait_journal 10 -t crampd CRAMPD_HOOK=2 -g "ran past its timeout of 1s" || sdenv_fail "the sleeping hook was not stopped at its timeout"
sdenv_wait_for 5 grep -q "cramp" "$work/watch.txt" || sdenv_fail "ctl watch did not see the cramp: $(cat "$work/watch.txt")"
sleep 1
# 3. A restart: ctl watch ends (status 1), the bar says so and comes back by itself.
watcher=${readers[0]}
stop_daemon
sdenv_wait_for 5 sh -c "tail -n 1 '$work/bar.txt' | grep -qx 'crampd stopped'" || sdenv_fail "the bar did not say crampd stopped: $(tail -n 2 "$work/bar.txt")"
status=0; timeout 5 tail --pid="$watcher" -f /dev/null || true; wait "$watcher" || status=$?
[ "$status" = 1 ] || sdenv_fail "ctl watch exited with $status when crampd stopped, expected 1"
grep -q "closed the connection (it stopped or restarted)" "$work/watch.err" || sdenv_fail "ctl watch did not say crampd went away: $(cat "$work/watch.err")"
start_daemon
sdenv_wait_for 10 sh -c "tail -n 1 '$work/bar.txt' | grep -q ' ml\$'" || sdenv_fail "the bar did not come back after the restart: $(tail -n 2 "$work/bar.txt")"
stop_readers
stop_daemon

sdenv_journal -t crampd -o json >"$work/journal.json"
python3 - "$work" "$due_seconds" <<'PY' || sdenv_fail "watch, bar and hooks (see above)"
import json, re, sys
work, due = sys.argv[1], int(sys.argv[2])
journal = [json.loads(l) for l in open(f"{work}/journal.json") if l.strip()]
lines = [json.loads(l) for l in open(f"{work}/watch.json") if l.strip()]
watched = [e for e in lines if "CRAMPD_EVENT" in e]
# Events only, then (crampd stopped) the error as --json prints it.
if lines[len(watched):] != lines[-1:] or lines[-1].get("code") != "connection-failed":
    print("FAIL: ctl watch --json did not end with one connection-failed error:", lines[len(watched):])
    sys.exit(1)
human = open(f"{work}/watch.txt").read().splitlines()
bar = open(f"{work}/bar.txt").read().splitlines()
hook_out = open(f"{work}/hook.out").read().splitlines()
problems = []
kinds = [e["CRAMPD_EVENT"] for e in watched]
expected = ["reloaded", "due", "done", "drink", "goal-met", "paused", "resumed", "cramp"]
if [k for k in kinds if k in expected][:len(expected)] != expected:
    problems.append(f"--json events {kinds}, expected in order {expected}")
# The same fields as the journal entry: every field of the watched event is in the entry with its MESSAGE_ID.
for event in watched:
    fields = {k: v for k, v in event.items() if k != "__REALTIME_TIMESTAMP"}
    if not any(all(j.get(k) == v for k, v in fields.items()) for j in journal):
        problems.append(f"no journal entry has the fields of {event}")
for word in ["reloaded:", "due water:", "done water:", "drink:", "goal-met:", "paused:", "resumed:", "cramp:"]:
    if not any(word in line for line in human):
        problems.append(f"human watch has no line with {word!r}: {human}")
if not all(re.match(r"^\d\d:\d\d:\d\d \S+", line) for line in human):
    problems.append(f"human lines do not start with the time: {human}")
# The bar: a line now, one per change; the water and the pause show.
if len(bar) < 3: problems.append(f"ctl bar printed {len(bar)} lines: {bar}")
if not any(line.startswith("paused until") for line in bar): problems.append(f"the bar never showed the pause: {bar}")
if not any("1050/1000 ml" in line for line in bar): problems.append(f"the bar never showed the water after the drink: {bar}")
if any(a == b for a, b in zip(bar, bar[1:])): problems.append(f"the bar repeated a line: {bar}")
# Hook 1: placeholders per argument and the environment.
if not any(l.startswith("due/water at ") and l.endswith("|due|water|1") for l in hook_out):
    problems.append(f"hook 1 did not get its argument and environment: {hook_out}")
if not any(l.startswith("due/soon at ") and ": The e2e reminder that must not wait for hooks|due|soon|1" in l for l in hook_out):
    problems.append(f"hook 1 did not run for soon: {hook_out}")
failing = [j for j in journal if j.get("CRAMPD_HOOK") == "3"]
if not any("failed with exit status 7" in j["MESSAGE"] and j["PRIORITY"] == "4" for j in failing):
    problems.append(f"the failing hook's exit is not a warning: {[j['MESSAGE'] for j in failing]}")
if not any(j["MESSAGE"].endswith("stderr: failing on purpose") and j["PRIORITY"] == "4" for j in failing):
    problems.append("the failing hook's stderr is not in the journal at warning")
if any("CRAMPD_EVENT" in j for j in journal if "CRAMPD_HOOK" in j):
    problems.append("a hook's journal entry carries CRAMPD_EVENT (hooks would run hooks)")
soon = [j for j in journal if j.get("CRAMPD_REMINDER") == "soon" and j.get("CRAMPD_EVENT") == "due"]
if not soon or int(soon[0]["CRAMPD_LATENESS_USEC"]) > 200_000:
    problems.append(f"soon was delayed while hooks ran: {[s.get('CRAMPD_LATENESS_USEC') for s in soon]} µs")
for p in problems: print("FAIL:", p)
sys.exit(1 if problems else 0)
PY
echo "watch.sh: ok"
