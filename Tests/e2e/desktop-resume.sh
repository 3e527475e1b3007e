#!/usr/bin/env bash
# After resume the notification server is asked again before the next popup (issue 16 item 4),
# end to end: a real crampd, real dunst on Xvfb on a private session bus, and the scripted logind
# stand-in (lib/logind_peer.py; the real logind cannot run here) on a private system bus.
# dunst is restarted while the machine "sleeps", now with `markup = no`, so it no longer
# advertises body-markup. The first popup after resume must follow the new server: its "&"
# sent as is, not escaped as "&amp;" for the old server (which dunst would then show literally).
# Without the recheck crampd learns of the new server only from the reply to that popup.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in dbus-daemon gdbus Xvfb xdotool dunst dunstctl /usr/bin/python3; do
    command -v "$tool" >/dev/null || { echo "SKIP: no $tool"; exit 0; }
done
source Tests/e2e/lib/foreground-daemon.sh
source Tests/e2e/lib/private-buses.sh
SECONDS=0  # counted from holding the e2e lock

start_buses

DISPLAY=$(desktop_free_display 97 90) || { echo "FAIL no free X display between :90 and :97"; exit 1; }
export DISPLAY
Xvfb "$DISPLAY" -screen 0 800x600x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=("$!")
wait_for 10 xdotool getmouselocation || { echo "FAIL Xvfb did not start on $DISPLAY"; exit 1; }

dunst_pid=
start_dunst() {  # MARKUP: full (advertises body-markup) or no (does not)
    desktop_dunstrc | sed "/^\[global\]/a markup = $1" >"$work/dunstrc"
    dunst -config "$work/dunstrc" >>"$work/dunst.log" 2>&1 &
    dunst_pid=$!
    pids+=("$dunst_pid")
    wait_for 10 gdbus call --session --dest org.freedesktop.DBus --object-path / \
        --method org.freedesktop.DBus.GetNameOwner org.freedesktop.Notifications \
        || { cat "$work/dunst.log"; echo "FAIL dunst did not take org.freedesktop.Notifications"; exit 1; }
}
# history_has TEXT: a popup whose body is exactly TEXT is in dunst's history (closed first).
history_has() {
    dunstctl close-all
    dunstctl history | /usr/bin/python3 -c 'import json,sys
bodies = [n["body"]["data"] for n in json.load(sys.stdin)["data"][0]]
sys.exit(0 if sys.argv[1] in bodies else 1)' "$1"
}
history_bodies() { dunstctl history | /usr/bin/python3 -c 'import json,sys; print([n["body"]["data"] for n in json.load(sys.stdin)["data"][0]])'; }

start_logind || { cat "$peer_log"; echo "FAIL the logind stand-in did not start"; exit 1; }

message="Water & a pinch of salt"
cat >"$XDG_CONFIG_HOME/crampd/config.toml" <<TOML
[daemon]
notify = ["journal", "desktop"]

[[reminder]]
id = "water"
kind = "hydration"
message = "$message"
amount = 250
at = "$(date -u -d '+6 hours' +%H:%M)"
TOML

start_dunst full
start_daemon
wait_for 10 grep -q 'Desktop notifications go to dunst.*body-markup' "$log" \
    && ok "before sleep: dunst advertises body-markup" || fail "no server with body-markup in $(cat "$log")"
"$crampd" ctl trigger water >/dev/null
wait_for 5 history_has "${message//&/&amp;}" && ok "before sleep: the popup's & is escaped for markup" \
    || fail "before sleep: expected '${message//&/&amp;}', got $(history_bodies)"

logind Sleep
wait_for 5 grep -q '^slept after' "$peer_log" || fail "the stand-in never slept: $(cat "$peer_log")"
# While asleep the notification server is replaced by one without body-markup.
kill "$dunst_pid"; wait "$dunst_pid" 2>/dev/null || true
start_dunst no
logind Wake
wait_for 5 grep -q 'The machine woke up' "$log" || fail "no wake line in $(cat "$log")"

"$crampd" ctl trigger water >/dev/null
wait_for 5 history_has "$message" && ok "after resume: the first popup follows the new server (& as is)" \
    || fail "after resume: expected '$message', got $(history_bodies)"
[ "$(grep -c 'Desktop notifications go to dunst' "$log")" = 2 ] && ! grep -q 'The notification server changed' "$log" \
    && ok "after resume: the server was asked again before the popup" \
    || fail "after resume: the server was not asked again first: $(grep -E 'notifications go to|server changed' "$log")"

[ "$failures" = 0 ] || { echo "--- daemon log"; cat "$log"; echo "--- stand-in log"; cat "$peer_log"; exit 1; }
echo "desktop-resume.sh: all passed in ${SECONDS}s"
