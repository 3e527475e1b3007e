#!/usr/bin/env bash
# The diary end to end (issue 8): the real daemon in the foreground with temporary XDG dirs,
# every diary command through the real CLI (human output word for word, clock times
# normalised to HH:MM, and --json), `done` recording intake, `undo`, an export that Python's
# csv module reads, the smart-reminder rules (drink logged recently, water goal met, dose cap)
# in the daemon's log, the cramp insight once a week, a damaged diary moved aside, and a diary
# that cannot be opened at all not stopping reminders.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/foreground-daemon.sh

# The reminders below are a few seconds ahead: not across midnight.
while [ "$(date -u +%H%M)" -ge 2358 ]; do sleep 5; done

# run NAME WANT_RC -- command…: output in $work/out and $work/err, clock times as HH:MM.
run() {
  local name=$1 want_rc=$2; shift 3
  local rc=0
  "$@" >"$work/raw" 2>"$work/err" || rc=$?
  sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/DATE HH:MM/g; s/\b[0-9]{2}:[0-9]{2}\b/HH:MM/g' "$work/raw" >"$work/out"
  [ "$rc" = "$want_rc" ] || { fail "$name: exit $rc, want $want_rc"; cat "$work/raw" "$work/err"; return 1; }
}
# expect_out NAME TEXT: stdout (normalised) is exactly TEXT.
expect_out() {
  if diff -u <(printf '%s\n' "$2") "$work/out"; then ok "$1"; else fail "$1: stdout differs"; fi
}
expect_err() {
  if diff -u <(printf '%s\n' "$2") "$work/err"; then ok "$1"; else fail "$1: stderr differs"; fi
}
wait_log() {  # wait_log SECONDS PATTERN
  for _ in $(seq $(( $1 * 10 ))); do grep -qF -- "$2" "$log" && return 0; sleep 0.1; done
  return 1
}

t1=$(date -u -d '+6 seconds' +%H:%M:%S)    # water: skipped, a drink was logged within 20m
t2=$(date -u -d '+11 seconds' +%H:%M:%S)   # water2: skipped, the goal is met by then
cat >"$XDG_CONFIG_HOME/crampd/config.toml" <<TOML
[daemon]
timezone = "UTC"
grace = "1m"

[goals]
water_ml = 1000
magnesium_mg = 300
magnesium_max_mg = 350

[[reminder]]
id = "water"
kind = "hydration"
amount = 300
at = "$t1"
skip_if_logged_within = "20m"

[[reminder]]
id = "water2"
kind = "hydration"
amount = 300
at = "$t2"

[[reminder]]
id = "magnesium"
kind = "electrolyte"
electrolyte = "magnesium"
amount = 200
at = "$t2"
TOML
start_daemon

echo "== drink, take, undo"
run "drink with a note" 0 -- "$crampd" ctl drink 250 --note "first glass" \
  && expect_out "drink 250" "Logged a drink of 250 ml at HH:MM. Today: 250 of 1000 ml (25%)."
run "drink without ML" 0 -- "$crampd" ctl drink \
  && expect_out "drink takes the first hydration reminder's amount" "Logged a drink of 300 ml at HH:MM. Today: 550 of 1000 ml (55%)."
run "take without MG" 0 -- "$crampd" ctl take Magnesium \
  && expect_out "take takes the reminder's amount" "Logged 200 mg of magnesium at HH:MM. Today: 200 mg of 300 mg."
run "take zinc" 1 -- "$crampd" ctl take zinc 10 \
  && expect_err "take zinc is refused" 'unknown electrolyte "zinc"; expected one of: sodium, potassium, magnesium, calcium'
run "take zinc --json" 1 -- "$crampd" ctl take zinc 10 --json \
  && expect_out "take zinc --json" '{"code":"invalid-argument","message":"unknown electrolyte \"zinc\"; expected one of: sodium, potassium, magnesium, calcium"}'
run "drink 6000" 1 -- "$crampd" ctl drink 6000 && grep -q "6000" "$work/err" && ok "an implausible drink is refused" || fail "drink 6000: $(cat "$work/err")"
run "take sodium without MG" 1 -- "$crampd" ctl take sodium \
  && expect_err "take without an amount and no reminder" "No sodium reminder has an amount; say how much, e.g.: crampd ctl take sodium 200"
run "cramp --severity 11" 2 -- "$crampd" ctl cramp --severity 11 && grep -q "expected a severity from 1 to 10, got 11" "$work/err" \
  && ok "severity out of range is a usage error" || fail "cramp --severity 11"
run "export without a format" 0 -- "$crampd" ctl export && head -1 "$work/raw" | grep -q "^type,time,utc_offset,.*,reminder,event,due,note" \
  && ok "export defaults to CSV on stdout" || fail "export without a format: $(head -2 "$work/raw")"
run "undo" 0 -- "$crampd" ctl undo && expect_out "undo says what it removed" "Removed the 200 mg of magnesium at DATE HH:MM."
run "take again" 0 -- "$crampd" ctl take magnesium 200 --json
python3 - "$work/raw" <<'PY' && ok "take --json" || fail "take --json"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["dose"]["electrolyte"] == "magnesium" and r["dose"]["milligrams"] == 200, r
assert r["today"]["electrolytes"] == [{"capMilligrams": 350, "electrolyte": "magnesium", "milligrams": 200, "targetMilligrams": 300}], r
assert r["summary"].startswith("Logged 200 mg of magnesium at "), r
PY

echo "== smart reminders: a drink logged within 20m skips water"
wait_log 12 "Reminder water skipped: a drink was logged recently" && ok "skip_if_logged_within in the log" \
  || { fail "no skip of water"; tail -5 "$log"; }
run "drink to the goal" 0 -- "$crampd" ctl drink 500 --json
python3 - "$work/raw" <<'PY' && ok "drink --json meets the goal" || fail "drink --json"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["drink"]["milliliters"] == 500 and r["today"]["waterMilliliters"] == 1050, r
assert r["summary"].endswith("Today: 1050 of 1000 ml (105%). Goal met: water reminders rest until tomorrow."), r
PY
wait_log 12 "Reminder water2 skipped: today's water goal is met" && ok "goal met in the log" \
  || { fail "no goal-met skip of water2"; tail -5 "$log"; }
wait_log 5 "Reminder magnesium skipped: not suggesting 200 mg of magnesium: with the 200 mg taken today it would make 400 mg, above the daily cap of 350 mg" \
  && ok "dose cap in the log" || { fail "no cap skip of magnesium"; tail -5 "$log"; }
grep -q "CRAMPD_EVENT=due" "$log" && fail "a reminder fired that should have been skipped" || ok "nothing fired past the rules"

echo "== done records intake"
run "done water" 0 -- "$crampd" ctl done water \
  && expect_out "done water" "Marked water as done. Logged the drink of 300 ml at DATE HH:MM."
run "today" 0 -- "$crampd" ctl today
today_date=$(date -u +"%a %Y-%m-%d")
{ sed -n 1p "$work/raw" | grep -qx "Today, $today_date (UTC)"; } && ok "today: heading" || fail "today heading: $(sed -n 1p "$work/raw")"
expected_today=$(cat <<'TXT'
Water        1350 of 1000 ml  135%  4 drinks, last at HH:MM
Magnesium      200 of 300 mg   66%  cap 350 mg
Still due   nothing more today
Cramps      none today
TXT
)
if diff -u <(printf '%s\n' "$expected_today") <(tail -n +2 "$work/out"); then ok "today body"; else fail "today body differs"; fi
run "today --json" 0 -- "$crampd" ctl today --json
python3 - "$work/raw" <<'PY' && ok "today --json" || fail "today --json"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["waterMilliliters"] == 1350 and r["drinkCount"] == 4 and r["waterGoalMilliliters"] == 1000 and r["zoneName"] == "UTC", r
PY

echo "== cramps and the insight"
run "cramp at night" 0 -- "$crampd" ctl cramp --muscle Calf --severity 6 --at 03:10 --note "woke me up"
grep -qE "^Logged a cramp \(calf\), severity 6, at HH:MM, at night\.( [0-9]+ cramps today\.)?$" "$work/out" && ok "cramp --at" || fail "cramp --at: $(cat "$work/raw")"
run "cramp 2" 0 -- "$crampd" ctl cramp --severity 4
run "cramp 3" 0 -- "$crampd" ctl cramp --muscle foot --json
python3 - "$work/raw" <<'PY' && ok "third cramp in 7 days brings the insight" || fail "insight in cramp --json: $(cat "$work/raw")"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["cramp"]["muscle"] == "foot" and r["cramp"]["severity"] == 5, r
assert r["insight"].startswith("You logged 3 cramps in the last 7 days"), r
assert "deserve a doctor's visit, especially with weakness or numbness" in r["insight"] and "not medical advice" in r["insight"], r
PY
run "cramp 4" 0 -- "$crampd" ctl cramp --severity 9 --json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert "insight" not in r, r' "$work/raw" && ok "no second insight the same week" || fail "a second insight"
n=$(grep -c "warning: You logged 3 cramps in the last 7 days" "$log" || true)
[ "$n" = 1 ] && ok "the insight is in the log once, at warning" || fail "insight lines in the log: $n"

echo "== stats and export"
run "stats" 0 -- "$crampd" ctl stats
head -2 "$work/raw" | tail -1 | grep -qx "date        water_ml  goal_pct   due  done  cramps  night_cramps" && ok "stats: plain table when not a terminal" \
  || fail "stats header: $(head -2 "$work/raw")"
# Today's cramps and night cramps depend on the hour this runs (UTC; night is 22:00-07:00):
# before 03:10 the "--at 03:10" cramp was yesterday's, and at night every "now" cramp is a night one.
hhmm=$(date -u +%H%M)
if [ "$hhmm" -lt 0310 ]; then cramps_today=3 nights_today=3 nights_all=4
elif [ "$hhmm" -lt 0700 ] || [ "$hhmm" -ge 2200 ]; then cramps_today=4 nights_today=4 nights_all=4
else cramps_today=4 nights_today=1 nights_all=1; fi
grep -qE "^$(date -u +%Y-%m-%d) +1350 +135 +[0-9]+ +1 +$cramps_today +$nights_today$" "$work/raw" && ok "stats: today's row" || { fail "stats row (expected $cramps_today cramps, $nights_today at night)"; cat "$work/raw"; }
grep -q "▏\|█" "$work/raw" && fail "stats draws bars into a pipe" || ok "stats: no block characters in a pipe"
if command -v script >/dev/null; then  # a real terminal (a pty) for the CLI: charts and bars
  COLUMNS=100 LANG=C.UTF-8 script -qec "$crampd ctl stats" /dev/null >"$work/tty" 2>&1 || true
  grep -qE "^$(date -u +'%a %m-%d')  █+.* 1350 ml  135% ✓" "$work/tty" && ok "stats on a terminal: a bar of blocks per day" \
    || { fail "stats on a terminal"; cat "$work/tty"; }
  COLUMNS=100 LANG=C.UTF-8 script -qec "$crampd ctl today" /dev/null >"$work/tty" 2>&1 || true
  grep -qE "^Water       █+ +1350 of 1000 ml  135%" "$work/tty" && ok "today on a terminal: a progress bar" \
    || { fail "today on a terminal"; cat "$work/tty"; }
  # Issue 14 item 19: a plain locale gets ASCII bars; 60 columns fit.
  COLUMNS=60 LANG=C.UTF-8 LC_ALL=C script -qec "stty cols 60; $crampd ctl stats; $crampd ctl today" /dev/null >"$work/tty" 2>&1 || true
  grep -qE "^$(date -u +'%a %m-%d')  #+.* 1350 ml  135% \*" "$work/tty" && ! LC_ALL=C grep -q '[^ -~]' <(tr -d '\r' <"$work/tty") \
    && ok "LC_ALL=C: ASCII bars" || { fail "LC_ALL=C: ASCII bars"; cat "$work/tty"; }
  [ "$(tr -d '\r' <"$work/tty" | awk '{ if (length($0) > m) m = length($0) } END { print m }')" -le 60 ] \
    && ok "today and stats fit 60 columns" || { fail "today and stats wider than 60 columns"; cat "$work/tty"; }
fi
# Issue 14 item 21: an earlier day as today shows today; a future one is refused.
yesterday=$(date -u -d yesterday +%Y-%m-%d)
run "today --date yesterday" 0 -- "$crampd" ctl today --date "$yesterday" \
  && head -1 "$work/raw" | grep -q "^$(date -u -d yesterday +%a) $yesterday (UTC)$" && ! grep -q "Still due" "$work/raw" \
  && ok "today --date shows that day" || fail "today --date: $(cat "$work/raw")"
run "today --date today" 0 -- "$crampd" ctl today --date "$(date -u +%Y-%m-%d)" && head -1 "$work/raw" | grep -q "^Today, " \
  && ok "today --date of today is today" || fail "today --date today: $(cat "$work/raw")"
run "today --date tomorrow" 1 -- "$crampd" ctl today --date "$(date -u -d tomorrow +%Y-%m-%d)" \
  && grep -q "expected a date up to today" "$work/err" && ok "a future date is refused" || fail "today --date tomorrow: $(cat "$work/err")"
run "stats --days 30 --json" 0 -- "$crampd" ctl stats --days 30 --json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert len(r["days"])==30 and r["cramps"]==4 and r["nightCramps"]==int(sys.argv[2]), r' "$work/raw" "$nights_all" \
  && ok "stats --json" || fail "stats --json"
run "stats --days 0" 2 -- "$crampd" ctl stats --days 0 && ok "stats --days 0 is a usage error"
run "export --csv" 0 -- "$crampd" ctl export --csv
python3 - "$work/raw" <<'PY' && ok "export --csv reads as CSV" || fail "export --csv"
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
kinds = collections.Counter(r["type"] for r in rows)
assert kinds["drink"] == 4 and kinds["dose"] == 1 and kinds["cramp"] == 4, kinds
notes = [r["note"] for r in rows if r["type"] == "drink"]
assert "first glass" in notes, notes
events = {(r["reminder"], r["event"]) for r in rows if r["type"] == "reminder"}
assert {("water", "skipped"), ("water2", "skipped"), ("magnesium", "skipped"), ("water", "done")} <= events, events
assert any(r["type"] == "cramp" and r["note"] == "woke me up" and r["night"] == "yes" for r in rows), rows
PY
run "export --json --since" 0 -- "$crampd" ctl export --json --since "$(date -u +%Y-%m-%d)"
python3 - "$work/raw" "$cramps_today" <<'PY' && ok "export --json" || fail "export --json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "crampd-diary" and d["version"] == 1 and d["zone"] == "UTC", d.keys()
# --since today: before 03:10 the "--at 03:10" cramp is yesterday's (see the stats row above).
assert len(d["drinks"]) == 4 and len(d["cramps"]) == int(sys.argv[2]) and len(d["doses"]) == 1, d
# One name for one thing across commands: the reminder is "reminder", its planned time "due".
assert all("reminder" in e and "planned" not in e for e in d["reminderEvents"]), d["reminderEvents"]
assert any("due" in e for e in d["reminderEvents"]), d["reminderEvents"]
PY
run "export --since nonsense" 2 -- "$crampd" ctl export --csv --since 2026-02-30 && ok "export --since a date that does not exist is a usage error"

echo "== a restart: the insight is not repeated, the diary is kept"
stop_daemon
start_daemon
sleep 0.3
n=$(grep -c "cramps in the last 7 days" "$log" || true)
[ "$n" = 1 ] && ok "no insight again at start-up the same week" || fail "insight lines after restart: $n"
run "today after restart" 0 -- "$crampd" ctl today --json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["waterMilliliters"]==1350, r' "$work/raw" && ok "the diary survived the restart" || fail "diary after restart"

echo "== the goal met with only hydration reminders: next shows tomorrow's (today's intake is not every day's)"
cat >"$XDG_CONFIG_HOME/crampd/config.toml" <<'TOML'
[daemon]
timezone = "UTC"

[goals]
water_ml = 1000

[[reminder]]
id = "water"
kind = "hydration"
amount = 300
every = "45m"
between = "08:00-20:00"
TOML
run "reload" 0 -- "$crampd" ctl reload
run "next after the goal" 0 -- timeout 10 "$crampd" ctl next --json
python3 - "$work/raw" <<'PY' && ok "next answers, from tomorrow" || fail "next after the goal is met: $(cat "$work/raw")"
import json, sys, time
r = json.load(open(sys.argv[1]))
first = r["occurrences"][0]["at"] // 1_000_000
assert time.strftime("%Y-%m-%d", time.gmtime(first)) > time.strftime("%Y-%m-%d", time.gmtime()), r
assert time.strftime("%H:%M", time.gmtime(first)) == "08:00", r
PY
run "today after the goal" 0 -- timeout 10 "$crampd" ctl today && grep -qx "Still due   nothing more today" "$work/out" \
  && ok "today: nothing more due once the goal is met" || fail "today after the goal: $(cat "$work/raw")"

echo "== a damaged diary is moved aside; the daemon keeps running"
stop_daemon
rm -f "$diary-wal" "$diary-shm"
head -c 8192 /dev/urandom >"$diary"
start_daemon
grep -q "crit: Diary database was damaged" "$log" && ok "the journal says so at crit" || { fail "no crit line"; tail -3 "$log"; }
ls "$diary".corrupt-* >/dev/null 2>&1 && ok "moved aside as $(basename "$(ls "$diary".corrupt-* | head -1)")" || fail "no diary.sqlite.corrupt-*"
run "drink after recovery" 0 -- "$crampd" ctl drink 200 && expect_out "a new diary" "Logged a drink of 200 ml at HH:MM. Today: 200 of 1000 ml (20%)."

echo "== a diary that cannot be opened does not stop reminders"
stop_daemon
rm -f "$diary" "$diary-wal" "$diary-shm"; mkdir "$diary"
start_daemon
grep -q "crit: Failed to open diary" "$log" && ok "reported at crit" || { fail "no crit line for an unopenable diary"; tail -3 "$log"; }
run "list without a diary" 0 -- "$crampd" ctl list && ok "ctl list still works"
run "drink without a diary" 1 -- "$crampd" ctl drink && grep -q "^The diary is not available (Failed to open diary" "$work/err" \
  && ok "diary commands say the diary is unavailable" || fail "drink without a diary: $(cat "$work/err")"
run "done without a diary" 0 -- "$crampd" ctl done water && expect_out "done still works" "Marked water as done."
stop_daemon
run "drink with no daemon" 69 -- "$crampd" ctl drink && ok "exit 69 when the daemon is not running"

[ "$failures" = 0 ] || { echo "--- daemon log"; cat "$log"; echo "diary.sh: $failures failed"; exit 1; }
echo "diary.sh: all passed"
