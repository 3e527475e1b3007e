#!/usr/bin/env bash
# Presence end to end (issue 16 items 2, 3, 5 and 6), against real components: a real journald,
# Xvfb (its idle counter, through the XSync extension), a private session bus (no service
# directories, so nothing is auto-started) and a real dunst on it.
#
#   Tests/e2e/presence.sh        # about 1 minute
#
# Do-not-disturb: `dunstctl set-paused true` holds a due reminder (journal CRAMPD_EVENT=held,
# CRAMPD_HELD_REASON=dnd, no popup) while an urgent one still pops up; `ctl status` says
# "do-not-disturb" and "1 reminder held"; `set-paused false` brings exactly one "Welcome back"
# popup (dunst's history) and one back entry naming the held reminder; its "Done" button
# records it done. Away (X11): with away_after = "2s" and no input, `ctl status` says "away
# (idle)" and a due reminder is held (reason away); `xdotool` input brings one back message.
# The X server going away, or none at all, costs a warning and nothing else.
# Needs the Debian packages: dbus xvfb dunst xdotool.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
for tool in dbus-daemon Xvfb dunst dunstctl xdotool; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "SKIP: missing ${missing[*]}; install: apt-get install dbus xvfb dunst xdotool" >&2
    exit 0
fi

source Tests/e2e/lib/systemd-env.sh
sdenv_setup
[ -x "${CRAMPD_BINARY:-.build/debug/crampd}" ] || swift build --product crampd >/dev/null
source Tests/e2e/lib/journal-daemon.sh presence
source Tests/e2e/lib/desktop-session.sh
fail() { sdenv_fail "$@"; }
step() { echo "== $*"; }

# Every helper process is stopped at exit by its PID (last started first).
stop_helper() { kill -TERM "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# A display nobody uses (its lock file tells), from :89 down (the desktop rig takes :97 to :90).
display=$(desktop_free_display 89 82) || fail "no free X display between :82 and :89"
export DISPLAY=$display
Xvfb "$DISPLAY" -screen 0 800x600x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sdenv_on_exit "stop_helper $xvfb_pid"
sdenv_wait_for 10 xdotool getmouselocation || fail "Xvfb did not start on $DISPLAY"

bus_socket="$work/bus"
desktop_bus_config "$bus_socket" >"$work/bus.conf"
export DBUS_SESSION_BUS_ADDRESS="unix:path=$bus_socket"
dbus-daemon --config-file="$work/bus.conf" --nofork --nopidfile 2>>"$work/dbus.log" &
bus_pid=$!
sdenv_on_exit "stop_helper $bus_pid"
sdenv_wait_for 10 test -S "$bus_socket" || fail "dbus-daemon did not create $bus_socket"

# dunst: popups at the top left; a left click invokes "done" (crampd's Done) and closes it.
desktop_dunstrc >"$work/dunstrc"
dunst -config "$work/dunstrc" >>"$work/dunst.log" 2>&1 &
dunst_pid=$!
sdenv_on_exit "stop_helper $dunst_pid"
sdenv_wait_for 10 dunstctl is-paused || fail "dunst did not take org.freedesktop.Notifications"

# Two reminders due DUE seconds from now: "water" (held) and "pill" (urgent: through do-not-disturb).
write_config() {
    local at
    at=$(date -u -d "+$1 seconds" +%H:%M:%S)
    cat >"$work/config/crampd/config.toml" <<TOML
[daemon]
timezone = "UTC"
notify = ["journal", "desktop"]
grace = "5m"
away_after = "$2"

[[reminder]]
id = "water"
kind = "hydration"
message = "Drink a glass of water (presence e2e)"
amount = 250
at = "$at"

[[reminder]]
id = "pill"
kind = "custom"
message = "Take the presence e2e pill"
at = "$at"
urgent = true
TOML
}
journal_count() { sdenv_journal -o cat -t crampd "$@" 2>/dev/null | wc -l; }
history_summaries() { dunstctl history | python3 -c 'import json,sys; print("\n".join(n["summary"]["data"] for n in json.load(sys.stdin)["data"][0]))'; }
history_body_of() { dunstctl history | python3 -c 'import json,sys; print("\n".join(n["body"]["data"] for n in json.load(sys.stdin)["data"][0] if n["summary"]["data"] == sys.argv[1]))' "$1"; }

step "do-not-disturb from dunst holds a due reminder, an urgent one still pops up"
# away_after is off here: only dunst holds.
write_config 10 off
start_daemon
"$crampd" ctl status | grep -q "Presence: present" || fail "status does not say present: $("$crampd" ctl status)"
dunstctl set-paused true
sdenv_wait_for 5 sh -c '"$0" ctl status | grep -q "Presence: do-not-disturb since .* (dunst)"' "$crampd" \
    || fail "status does not say do-not-disturb: $("$crampd" ctl status)"
sdenv_wait_journal 20 -t crampd CRAMPD_REMINDER=water CRAMPD_EVENT=held CRAMPD_HELD_REASON=dnd || fail "water was not held"
sdenv_wait_journal 5 -t crampd CRAMPD_REMINDER=pill CRAMPD_EVENT=due || fail "the urgent pill did not fire through do-not-disturb"
[ "$(journal_count CRAMPD_REMINDER=water CRAMPD_EVENT=due)" = 0 ] || fail "water fired while dunst was paused"
sdenv_wait_for 5 sh -c '[ "$(dunstctl count waiting)" -ge 1 ]' || fail "dunst did not get the urgent popup"
"$crampd" ctl status | grep -q "1 reminder held" || fail "status does not count the held one: $("$crampd" ctl status)"
status_json=$("$crampd" ctl status --json)
python3 -c 'import json,sys; p=json.loads(sys.argv[1])["presence"]; assert p["held"]=="dnd" and p["source"]=="dunst" and p["heldReminders"]==1, p' "$status_json" \
    || fail "status --json lacks presence: $status_json"

step "do-not-disturb off: one message on return, its Done records the held reminder"
dunstctl set-paused false
sdenv_wait_journal 10 -t crampd CRAMPD_EVENT=back CRAMPD_HELD_REMINDERS=water CRAMPD_HELD_REASON=dnd || fail "no back entry"
sdenv_wait_for 5 sh -c '[ "$(dunstctl count displayed)" -ge 1 ]' || fail "dunst shows nothing after do-not-disturb"
# The urgent pill waited in dunst's queue and shows now too; crampd's own new popup is the one message.
message=$(sdenv_journal -o cat -t crampd CRAMPD_EVENT=back)
[[ "$message" == "While do-not-disturb was on: water at "* ]] || fail "back message: $message"
xdotool mousemove 60 15 click 1   # the top popup: dunst shows the newest first
sleep 1
xdotool mousemove 60 15 click 1
sdenv_wait_journal 10 -t crampd CRAMPD_REMINDER=water CRAMPD_EVENT=done CRAMPD_VIA=desktop || fail "Done on the message did not record water"
summaries=$(history_summaries)
[ "$(grep -cx "Welcome back" <<<"$summaries")" = 1 ] || fail "expected one message on return in dunst's history, got: $summaries"
body=$(history_body_of "Welcome back")
[[ "$body" == "While do-not-disturb was on: water at "* ]] || fail "popup body: $body"
[ "$(journal_count CRAMPD_EVENT=back)" = 1 ] || fail "more than one back entry"
"$crampd" ctl status | grep -q "Presence: present" || fail "status does not say present again"
stop_daemon

step "away under X11: no input for away_after holds a due reminder, input brings one message"
write_config 12 2s
start_daemon
sdenv_wait_for 10 sh -c '"$0" ctl status | grep -q "Presence: away since .* (idle)"' "$crampd" \
    || fail "status does not say away (idle): $("$crampd" ctl status)"
sdenv_wait_journal 25 -t crampd CRAMPD_REMINDER=water CRAMPD_EVENT=held CRAMPD_HELD_REASON=away || fail "water was not held while away"
sdenv_wait_journal 5 -t crampd CRAMPD_REMINDER=pill CRAMPD_EVENT=held CRAMPD_HELD_REASON=away || fail "the urgent pill was not held while away"
[ "$(journal_count CRAMPD_EVENT=back)" = 1 ] || fail "a message came while still away"
xdotool mousemove 300 300
sdenv_wait_journal 5 -t crampd CRAMPD_EVENT=back CRAMPD_HELD_REASON=away CRAMPD_HELD_REMINDERS=water,pill || fail "no back entry after input"
"$crampd" ctl status | grep -q "Presence: present" || fail "status does not say present after input: $("$crampd" ctl status)"
message=$(sdenv_journal -o cat -t crampd CRAMPD_EVENT=back CRAMPD_HELD_REASON=away)
[[ "$message" == "While you were away: water at "*", pill at "* ]] || fail "back message: $message"
sleep 3   # idle again past away_after, and back: no second message, nothing was held
xdotool mousemove 310 310
sleep 1
[ "$(journal_count CRAMPD_EVENT=back)" = 2 ] || fail "expected exactly one message per return with something held"

step "the X server going away ends only the idle watch"
stop_helper "$xvfb_pid"
sdenv_wait_journal 10 -t crampd -g "Lost the connection to X display $DISPLAY" || fail "no warning when the X server went away"
"$crampd" ctl status | grep -q "Presence: present" || fail "crampd does not answer after the X server went away"
stop_daemon

step "no X server at all: one warning, reminders go on"
export DISPLAY=:1   # nothing listens there in this test
start_daemon
sdenv_wait_journal 10 -t crampd -g "Failed to open X display :1" || fail "no warning without an X server"
"$crampd" ctl status | grep -q "Presence: present" || fail "crampd does not answer without an X server"
stop_daemon
echo "presence: do-not-disturb (dunst) and away (X11 idle) hold reminders and say once what was held"
