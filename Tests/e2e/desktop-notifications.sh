#!/usr/bin/env bash
# Desktop notifications end to end (issue 9), against real components: a private dbus-daemon
# (own config, no service directories, so nothing is auto-started), Xvfb, and dunst.
# `crampd run` (debug build) runs in the foreground with temporary XDG directories and
# CRAMPD_NO_JOURNAL=1, so every journal entry is a line on its stderr (crampd.log), and
# CRAMPD_NOTIFY_TIMEOUT_MS=1000, so a hung server costs the test 1 s per call instead of 5.
#
#   Tests/e2e/desktop-notifications.sh        # about 50 s
#
# Checks, in order: a reminder pops up (screenshot not blank) and clicking "Done" records it
# (state file + done entry from the desktop); `crampd ctl notify-test` reports each step; a
# repeated reminder replaces its popup; after a server restart the next reminder pops up
# again and "Snooze" snoozes it, and it fires again after the snooze; closing a popup
# without a button is recorded as dismissed; a SIGSTOPped server does not delay reminders
# and costs one warning; no server (ServiceUnknown) costs one warning and the next reminder
# after the server is back pops up again; a SIGSTOPped bus; the bus going away and coming
# back (without leaking descriptors); no bus at all. The journal side (MESSAGE_IDs) under the
# service's sandbox is Tests/e2e/desktop-service.sh.
# Needs the Debian packages: dbus xvfb dunst libnotify-bin xdotool imagemagick.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
source Tests/e2e/lib/desktop-session.sh

missing=()
for tool in dbus-daemon Xvfb dunst xdotool import identify; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "SKIP: missing ${missing[*]}; install: apt-get install dbus xvfb dunst libnotify-bin xdotool imagemagick" >&2
    exit 0
fi

crampd=${CRAMPD_BIN:-}
if [ -z "$crampd" ]; then
    swift build --product crampd >/dev/null
    crampd="$repo/.build/debug/crampd"
fi

tmp=$(mktemp -d /tmp/crampd-desktop-e2e.XXXXXX)
pids=()
cleanup() {
    local status=$? pid
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do
        kill -CONT "$pid" 2>/dev/null || true
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ "$status" != 0 ] && [ -s "$tmp/crampd.log" ]; then
        echo "--- last lines of crampd.log:" >&2
        tail -n 30 "$tmp/crampd.log" >&2
    fi
    rm -rf "$tmp"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
forget_pid() { local drop=$1 kept=() pid; for pid in "${pids[@]}"; do [ "$pid" = "$drop" ] || kept+=("$pid"); done; pids=("${kept[@]}"); }
stop_pid() { kill -CONT "$1" 2>/dev/null || true; kill -TERM "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; forget_pid "$1"; }
wait_for() {
    local seconds=$1; shift
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}

# A display nobody uses (its lock file tells), from :97 down.
display=$(desktop_free_display 97 90) || fail "no free X display between :90 and :97"
export DISPLAY=$display

# The bus: a session bus that can start nothing (no <servicedir>), on a private socket.
bus_socket="$tmp/bus"
desktop_bus_config "$bus_socket" >"$tmp/bus.conf"
export DBUS_SESSION_BUS_ADDRESS="unix:path=$bus_socket"
bus_pid=
start_bus() {
    rm -f "$bus_socket"
    dbus-daemon --config-file="$tmp/bus.conf" --nofork --nopidfile 2>>"$tmp/dbus.log" &
    bus_pid=$!
    pids+=("$bus_pid")
    wait_for 10 test -S "$bus_socket" || fail "dbus-daemon did not create $bus_socket"
}

# dunst: popups at the top left; a left click invokes ACTION then closes the popup, a right
# click closes it without an action (dunst sends both signals only to crampd's connection).
dunst_pid=
start_dunst() {
    local action=$1
    cat >"$tmp/dunstrc" <<INI
[global]
origin = top-left
offset = 0x0
width = 400
mouse_left_click = do_action, close_current
mouse_right_click = close_current
dmenu = /bin/false
browser = /bin/false
# Else dunst folds identical popups into one by itself, and replaces_id would go untested.
stack_duplicates = false
[crampd]
appname = crampd
action_name = $action
INI
    dunst -config "$tmp/dunstrc" >>"$tmp/dunst.log" 2>&1 &
    dunst_pid=$!
    pids+=("$dunst_pid")
    wait_for 10 dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetNameOwner \
        string:org.freedesktop.Notifications || fail "dunst did not take org.freedesktop.Notifications"
}

popup_shown() {
    import -window root "$tmp/screen.png" 2>/dev/null || return 1
    [ "$(identify -format '%k' "$tmp/screen.png")" -gt 1 ]
}
screen_blank() { ! popup_shown; }
click_popup() { xdotool mousemove 60 15 click "$1"; }

log_count() { grep -c -- "$1" "$tmp/crampd.log" 2>/dev/null || true; }
log_has_at_least() { [ "$(log_count "$1")" -ge "$2" ]; }
wait_log() { wait_for "$3" log_has_at_least "$1" "$2" || fail "$4 (expected $2 line(s) matching: $1)"; }

# Writes the config with reminders "ID KIND SECONDS-AHEAD", then reloads crampd (or not yet started).
config_dir="$tmp/config/crampd"
mkdir -p "$config_dir" "$tmp/state" "$tmp/run"
chmod 700 "$tmp/run"
write_config() {
    {
        printf '[daemon]\nnotify = ["journal", "desktop"]\nsnooze = "4s"\ngrace = "1m"\n'
        local spec id kind ahead
        for spec in "$@"; do
            read -r id kind ahead <<<"$spec"
            printf '\n[[reminder]]\nid = "%s"\nkind = "%s"\n' "$id" "$kind"
            if [ "$kind" = electrolyte ]; then
                printf 'electrolyte = "magnesium"\nmessage = "Take your magnesium (%s)"\namount = 200\n' "$id"
            else
                printf 'message = "Drink a glass of water (%s)"\namount = 250\n' "$id"
            fi
            printf 'at = "%s"\n' "$(date -d "+$ahead seconds" +%H:%M:%S)"
        done
    } >"$config_dir/config.toml"
}
crampd_pid=
reloads=0
reload_with() {
    write_config "$@"
    kill -HUP "$crampd_pid"
    reloads=$((reloads + 1))
    wait_log "Reloaded configuration" "$reloads" 5 "crampd did not reload"
}
start_crampd() {
    env XDG_RUNTIME_DIR="$tmp/run" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" CRAMPD_NO_JOURNAL=1 \
        CRAMPD_NOTIFY_TIMEOUT_MS=1000 "$crampd" run >>"$tmp/crampd.log" 2>&1 &
    crampd_pid=$!
    pids+=("$crampd_pid")
    wait_log "started with" 1 10 "crampd did not start"
}
state_field() {
    python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["reminders"].get(sys.argv[2], {}); print(s.get(sys.argv[3], ""))' \
        "$tmp/state/crampd/state.json" "$1" "$2"
}
# Lateness of the latest due line of a reminder, in ms.
lateness_ms() {
    grep "CRAMPD_EVENT=due CRAMPD_REMINDER=$1 " "$tmp/crampd.log" | tail -n 1 \
        | sed -n 's/.*CRAMPD_LATENESS_USEC=\([0-9]*\).*/\1/p' | awk '{ print int($1 / 1000) }'
}
warnings() { grep -c "crampd: warning: .*$1" "$tmp/crampd.log" || true; }

start_time=$SECONDS
Xvfb "$DISPLAY" -screen 0 800x600x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
pids+=("$!")
wait_for 10 xdotool getmouselocation || fail "Xvfb did not start on $DISPLAY"
start_bus
start_dunst done

step "a reminder pops up; clicking Done records it as done (state and journal)"
write_config "water hydration 3"
start_crampd
wait_log "Desktop notifications go to dunst" 1 10 "crampd did not ask the server who it is"
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=water " 1 10 "the reminder did not fire"
wait_for 5 popup_shown || fail "no popup on the screen after the reminder fired"
cp "$tmp/screen.png" "$tmp/popup-done.png"
echo "popup: $(identify -format '%k colours, %wx%h' "$tmp/popup-done.png")"
click_popup 1
wait_log "CRAMPD_EVENT=done CRAMPD_REMINDER=water .*CRAMPD_VIA=desktop" 1 5 "Done on the popup was not recorded"
grep "CRAMPD_EVENT=done CRAMPD_REMINDER=water " "$tmp/crampd.log" | grep -q "(from the desktop notification)" \
    || fail "the done entry does not say it came from the desktop"
[ -n "$(state_field water lastDone)" ] || fail "state.json has no lastDone for water"
wait_for 5 screen_blank || fail "the popup did not close after Done"
[ "$(log_count "CRAMPD_EVENT=dismissed")" = 0 ] || fail "Done was also recorded as dismissed"

step "crampd ctl notify-test: the bus, the server, its capabilities, the sample's id"
ctl() { CRAMPD_SOCKET="$tmp/run/crampd/ctl.sock" "$crampd" ctl "$@"; }
report=$(ctl notify-test) || fail "notify-test failed: $report"
echo "$report"
grep -q "^Desktop notifications work" <<<"$report" || fail "notify-test does not say notifications work"
grep -q "1. Session bus: connected as :1\.[0-9]*, at unix:path=$bus_socket" <<<"$report" || fail "notify-test: no bus step"
grep -q "2. Notification server: dunst 1\.[0-9.]*.*, vendor knopwob, spec 1\.2, bus name :1\." <<<"$report" || fail "notify-test: no server step"
grep -q "3. Capabilities: actions, .*; Done and Snooze buttons: yes" <<<"$report" || fail "notify-test: no capabilities step"
grep -q "4. Sample notification: shown with id [1-9][0-9]*" <<<"$report" || fail "notify-test: no sample id"
grep -q "^Verdict: OK, the server showed the sample (id [1-9][0-9]*)\.$" <<<"$report" || fail "notify-test: no verdict"
wait_for 5 popup_shown || fail "no sample popup on the screen"
click_popup 3
wait_for 5 screen_blank || fail "the sample popup did not close"
sleep 0.5
[ "$(log_count "CRAMPD_EVENT=dismissed")" = 0 ] || fail "closing the sample was recorded as a reminder's answer"


step "a repeated reminder replaces its popup instead of stacking"
ctl trigger water >/dev/null
wait_for 5 popup_shown || fail "no popup after crampd ctl trigger"
ctl trigger water >/dev/null
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=water " 3 5 "the second trigger did not fire"
sleep 0.5
displayed=$(dunstctl count displayed)
[ "$displayed" = 1 ] || fail "$displayed popups for one reminder fired twice (replaces_id)"
click_popup 3
wait_log "CRAMPD_EVENT=dismissed CRAMPD_REMINDER=water .*CRAMPD_CLOSE_REASON=dismissed" 1 5 "closing the replaced popup was not recorded"
wait_for 5 screen_blank || fail "the popup did not close"

step "after a server restart the next reminder pops up again; Snooze snoozes it, and it fires again after the snooze"
stop_pid "$dunst_pid"
start_dunst snooze
reload_with "magnesium electrolyte 3"
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=magnesium " 1 10 "the reminder did not fire"
wait_for 5 popup_shown || fail "no popup from the restarted server"
click_popup 1
wait_log "CRAMPD_EVENT=snoozed CRAMPD_REMINDER=magnesium .*CRAMPD_VIA=desktop" 1 5 "Snooze on the popup was not recorded"
[ -n "$(state_field magnesium snoozedUntil)" ] || fail "state.json has no snoozedUntil for magnesium"
wait_for 5 screen_blank || fail "the popup did not close after Snooze"
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=magnesium " 2 8 "the snoozed reminder did not fire again (snooze = 4s)"
wait_for 5 popup_shown || fail "no popup when the snooze ended"

step "closing a popup without a button is recorded as dismissed"
click_popup 3
wait_log "CRAMPD_EVENT=dismissed CRAMPD_REMINDER=magnesium .*CRAMPD_CLOSE_REASON=dismissed" 1 5 "closing the popup was not recorded"
[ "$(log_count "CRAMPD_EVENT=done CRAMPD_REMINDER=magnesium")" = 0 ] || fail "a dismissed popup was recorded as done"

step "a SIGSTOPped server: reminders reach the journal on time, one warning"
kill -STOP "$dunst_pid"
reload_with "stop-a hydration 2" "stop-b hydration 4"
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=stop-b " 1 10 "a reminder did not fire while the server was stopped"
for id in stop-a stop-b; do
    late=$(lateness_ms "$id")
    echo "$id: $late ms late"
    [ "$late" -lt 500 ] || fail "$id fired $late ms late while the server was stopped"
done
wait_log "crampd: warning: .*did not answer within 1 s" 1 10 "no warning about the hung server"
sleep 1.5   # the second call's timeout too (CRAMPD_NOTIFY_TIMEOUT_MS)
[ "$(warnings "did not answer")" = 1 ] || fail "expected one warning for the hung server, got $(warnings "did not answer")"
stop_pid "$dunst_pid"

step "no server (ServiceUnknown): one warning; the next reminder after the server is back pops up"
reload_with "gone-a hydration 2" "gone-b hydration 4"
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=gone-b " 1 10 "a reminder did not fire without a server"
wait_log "crampd: warning: .*org.freedesktop.DBus.Error.ServiceUnknown" 1 5 "no ServiceUnknown warning"
[ "$(warnings "ServiceUnknown")" = 1 ] || fail "more than one ServiceUnknown warning in one outage"
screen_blank || fail "something is on the screen without a server"
report=$(ctl notify-test) && fail "notify-test exits 0 though the sample was not shown: $report"
echo "$report"
grep -q "^Verdict: FAILED, the sample notification was not shown" <<<"$report" || fail "notify-test: no FAILED verdict"
grep -q "^Desktop notifications do not work: .*ServiceUnknown" <<<"$report" || fail "notify-test does not name ServiceUnknown"
grep -q "3. Capabilities: unknown without a server" <<<"$report" || fail "notify-test: no capabilities step without a server"
grep -q "4. Sample notification: Failed to .*ServiceUnknown" <<<"$report" || fail "notify-test: the sample did not fail"
start_dunst done
reload_with "back hydration 2"
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=back " 1 10 "the reminder did not fire"
wait_for 5 popup_shown || fail "no popup once the server was back"
wait_log "crampd: notice: Desktop notifications work again" 1 5 "no notice that notifications work again"
click_popup 1
wait_log "CRAMPD_EVENT=done CRAMPD_REMINDER=back .*CRAMPD_VIA=desktop" 1 5 "Done after the server came back was not recorded"

step "a SIGSTOPped bus: reminders reach the journal on time"
kill -STOP "$bus_pid"
reload_with "hung-bus hydration 2"
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=hung-bus " 1 10 "a reminder did not fire while the bus was stopped"
late=$(lateness_ms hung-bus)
echo "hung-bus: $late ms late"
[ "$late" -lt 500 ] || fail "a reminder fired $late ms late while the bus was stopped"
wait_log "crampd: warning: Failed to show desktop notification for hung-bus: .*did not answer within 1 s" 1 10 "no warning about the hung bus"
kill -CONT "$bus_pid"
# The bus now delivers the late Notify; its answer came after the timeout, so that popup is
# not crampd's any more: closing it is no answer to a reminder.
wait_for 5 popup_shown || fail "the late notification did not show after the bus ran again"
dunstctl close-all
wait_for 5 screen_blank || fail "the late popup did not close"
sleep 0.5
[ "$(log_count "CRAMPD_EVENT=dismissed CRAMPD_REMINDER=hung-bus")" = 0 ] || fail "a popup crampd gave up on was recorded as dismissed"
reload_with "bus-cont hydration 2"
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=bus-cont " 1 10 "the reminder did not fire"
wait_for 5 popup_shown || fail "no popup once the bus runs again"
click_popup 1
wait_log "CRAMPD_EVENT=done CRAMPD_REMINDER=bus-cont .*CRAMPD_VIA=desktop" 1 5 "Done after the bus ran again was not recorded"

step "the bus goes away and comes back"
fds_before=$(ls "/proc/$crampd_pid/fd" | wc -l)
stop_pid "$dunst_pid"
stop_pid "$bus_pid"
wait_log "crampd: warning: Lost the session bus connection" 1 5 "no warning when the bus went away"
reload_with "nobus-a hydration 2" "nobus-b hydration 3"
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=nobus-b " 1 10 "a reminder did not fire without the bus"
bus_warnings=$(grep -cE "crampd: warning: (Lost the session bus|Failed to connect to the session bus)" "$tmp/crampd.log" || true)
[ "$bus_warnings" = 1 ] || fail "expected one warning while the bus was away, got $bus_warnings"
start_bus
start_dunst done
reload_with "busback hydration 2"
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=busback " 1 10 "the reminder did not fire"
wait_for 5 popup_shown || fail "no popup once the bus was back"
wait_log "crampd: notice: Desktop notifications work again" 2 5 "no notice that notifications work again after the bus came back"
fds_after=$(ls "/proc/$crampd_pid/fd" | wc -l)
[ "$fds_after" = "$fds_before" ] || fail "open descriptors went from $fds_before to $fds_after across a reconnect (the old connection leaked)"
kill -0 "$crampd_pid" || fail "crampd died"
stop_pid "$crampd_pid"

step "no session bus at all: reminders still reach the journal, one warning"
: >"$tmp/crampd.log"
reloads=0
write_config "alone-a hydration 2" "alone-b hydration 3"
(
    unset DBUS_SESSION_BUS_ADDRESS
    exec env XDG_RUNTIME_DIR="$tmp/run" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" CRAMPD_NO_JOURNAL=1 \
        CRAMPD_NOTIFY_TIMEOUT_MS=1000 "$crampd" run >>"$tmp/crampd.log" 2>&1
) &
crampd_pid=$!
pids+=("$crampd_pid")
wait_log "CRAMPD_EVENT=due CRAMPD_REMINDER=alone-b " 1 10 "a reminder did not fire without a session bus"
[ "$(warnings "Failed to connect to the session bus")" = 1 ] \
    || fail "expected one warning without a session bus, got $(warnings "Failed to connect to the session bus")"
grep "crampd: warning: Failed to connect to the session bus" "$tmp/crampd.log"
stop_pid "$crampd_pid"

echo "PASS: desktop notifications ($((SECONDS - start_time)) s)"
