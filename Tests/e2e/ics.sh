#!/usr/bin/env bash
# `crampd ctl export --ics` (issue 18) against the real daemon in the foreground: the file
# reads in real iCalendar parsers (python3-icalendar; python3-dateutil expands each RRULE in
# the file's own VTIMEZONE) and gives exactly the occurrences `crampd ctl next` lists, for
# `every` with a window and weekdays, `at` times, a weekday calendar expression (RRULEs),
# a monthly calendar and an `every` across midnight (listed occurrences), in a zone with DST
# and a reminder on another zone's clock.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/foreground-daemon.sh
python=/usr/bin/python3   # Debian's, with python3-icalendar (scripts/deps.sh test)
"$python" -c 'import icalendar, dateutil' || { echo "FAIL python3-icalendar is missing: scripts/deps.sh test"; exit 1; }

cat >"$XDG_CONFIG_HOME/crampd/config.toml" <<'TOML'
[daemon]
timezone = "Europe/Berlin"
quiet_hours = ["22:00-02:30"]   # touches no reminder: `next` holds what falls inside, the calendar does not

[[reminder]]
id = "water"
kind = "hydration"
amount = 250
every = "45m"
between = ["08:00-20:00"]
days = ["mon", "tue", "wed", "thu", "fri"]

[[reminder]]
id = "magnesium"
kind = "electrolyte"
electrolyte = "magnesium"
amount = 200
at = ["08:30", "21:15"]
message = "Magnesium; with food, please"

[[reminder]]
id = "stretch"
kind = "stretch"
calendar = "Mon,Wed *-*-* 10,16:00"

[[reminder]]
id = "supplies"
kind = "custom"
message = "Check supplies"
calendar = "*-*-01,15 09:00"

[[reminder]]
id = "late-water"
kind = "hydration"
amount = 200
every = "90m"
between = ["21:00-02:00"]
timezone = "America/New_York"
TOML
start_daemon

for days in 10 30; do
  "$crampd" ctl export --ics --days "$days" >"$work/out.ics"
  "$crampd" ctl next --count 1000 --json >"$work/next.json"
  if out=$("$python" Tests/e2e/ics_check.py "$work/out.ics" "$work/next.json" "$days" 2>&1); then ok "--days $days: $out"; else fail "--days $days: $out"; fi
done
grep -q "^RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=" "$work/out.ics" || grep -q "^UID:water\.[0-9]\{6\}@crampd" "$work/out.ics" \
  && ok "every with a window is a rule" || fail "no rule for water"
grep -q "^UID:supplies\.[0-9T]*Z@crampd" "$work/out.ics" && ok "a calendar of dates is listed" || fail "supplies not listed"
grep -q "^SUMMARY:Magnesium\\\\; with food\\\\, please" "$work/out.ics" && ok "text is escaped" || fail "SUMMARY escaping"
rc=0; "$crampd" ctl export --ics --days 400 2>"$work/err" || rc=$?
[ "$rc" = 2 ] && grep -q "expected --days from 1 to 366, got 400" "$work/err" && ok "--days is bounded" || fail "--days 400: $rc $(cat "$work/err")"
rc=0; "$crampd" ctl export --ics --since 2026-11-01 2>"$work/err" || rc=$?
[ "$rc" = 2 ] && ok "--ics takes no diary options" || fail "--ics --since: $rc"

stop_daemon
[ "$failures" = 0 ] && echo "PASS ics" || { echo "FAIL ics: $failures"; exit 1; }
