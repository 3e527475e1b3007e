#!/usr/bin/env bash
# Presence from the session's bus peers (issue 16 items 2 and 4), end to end against a real
# crampd and a real dbus-daemon. logind cannot run here (PID 1 is not systemd), so a scripted
# stand-in that follows logind's documented interface (lib/logind_peer.py) owns
# org.freedesktop.login1 on a private bus the daemon takes for the system bus
# (DBUS_SYSTEM_BUS_ADDRESS). Checked: LockedHint and IdleHint reach `ctl status --json`; the sleep
# delay inhibitor is taken at start, released at PrepareForSleep(true) once the state is saved
# (not by logind's timeout), taken again on resume; a reminder that fell due while the machine
# "slept" (the daemon stopped with SIGSTOP, as a suspend freezes it) is held and told once on
# return, "While the machine slept", or with while_away = "deliver" caught up once and named
# for the sleep. On a private session bus, stand-ins for the screen saver, KDE's and mako's
# notification servers (lib/session_peer.py) turn locked and do-not-disturb on and off, and the
# real dconf-service with gsettings turns GNOME's show-banners off and on.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in dbus-daemon gdbus /usr/bin/python3; do
    command -v "$tool" >/dev/null || { echo "SKIP: no $tool"; exit 0; }
done
source Tests/e2e/lib/foreground-daemon.sh
source Tests/e2e/lib/private-buses.sh
SECONDS=0  # counted from holding the e2e lock

start_buses

start_logind || { cat "$peer_log"; echo "FAIL the logind stand-in did not start"; exit 1; }

# One reminder, due 14 s from now: it falls due while the machine "sleeps".
due_epoch=$(( $(date +%s) + 14 ))
cat >"$XDG_CONFIG_HOME/crampd/config.toml" <<TOML
[daemon]
notify = ["journal"]
grace = "2s"

[[reminder]]
id = "calf-stretch"
kind = "stretch"
at = "$(date -u -d "@$due_epoch" +%H:%M:%S)"
TOML
start_daemon

# presence FIELD: one field of `ctl status --json`'s presence ("" when absent).
presence() {
    "$crampd" ctl status --json | /usr/bin/python3 -c 'import json,sys; v=(json.load(sys.stdin).get("presence") or {}).get(sys.argv[1]); print("" if v is None else v)' "$1"
}
presence_is() { [ "$(presence held)" = "$1" ] && [ "$(presence source)" = "$2" ]; }

wait_for 5 grep -q 'inhibitor taken: crampd: save reminder state' "$peer_log" \
    && ok "crampd takes a sleep delay inhibitor at start" || fail "no inhibitor taken: $(cat "$peer_log")"
presence_is "" "" && ok "present at start" || fail "presence at start: $(presence held)"

logind SetLocked true
wait_for 3 presence_is locked logind-lock && ok "LockedHint true: locked (logind-lock)" || fail "locked: got '$(presence held)' from '$(presence source)'"
logind SetLocked false
wait_for 3 presence_is "" "" && ok "LockedHint false: present" || fail "unlocked: got '$(presence held)'"

idle_since=$(( ($(date +%s) - 300) * 1000000 ))
logind SetIdle true "$idle_since"
wait_for 3 presence_is away logind-idle && ok "IdleHint true: away (logind-idle)" || fail "idle: got '$(presence held)' from '$(presence source)'"
[ "$(presence since)" = "$idle_since" ] && ok "away since IdleSinceHint" || fail "since: expected $idle_since, got $(presence since)"
logind SetIdle false 0
wait_for 3 presence_is "" "" && ok "IdleHint false: present" || fail "not idle: got '$(presence held)'"

# Sleep: the inhibitor goes once the state is saved, long before logind's 5 s delay limit.
logind Sleep
wait_for 3 grep -q '^slept after' "$peer_log" || fail "the stand-in never slept"
grep -q '^slept after inhibitors released' "$peer_log" && ok "PrepareForSleep(true): inhibitor released, no timeout" \
    || fail "sleep: $(cat "$peer_log")"
wait_for 3 presence_is asleep logind-sleep && ok "asleep (logind-sleep)" || fail "asleep: got '$(presence held)'"
grep -q '"sleeps"' "$XDG_STATE_HOME/crampd/state.json" && ok "the sleep is in the saved state" || fail "no sleep in $(cat "$XDG_STATE_HOME/crampd/state.json")"
grep -q 'The machine goes to sleep' "$log" && ok "logged: the machine goes to sleep" || fail "no sleep line in $(cat "$log")"

# Frozen like a suspended machine across the reminder's time and past its grace.
kill -STOP "$daemon_pid"
sleep $(( due_epoch + 4 - $(date +%s) ))
kill -CONT "$daemon_pid"
logind Wake
wait_for 5 grep -q 'The machine woke up' "$log" && ok "logged: the machine woke up" || fail "no wake line in $(cat "$log")"
wait_for 3 presence_is "" "" && ok "PrepareForSleep(false): present" || fail "awake: got '$(presence held)'"
wait_for 5 [ "$(grep -c 'inhibitor taken' "$peer_log")" -ge 2 ] && ok "a new inhibitor after resume" || fail "no new inhibitor: $(cat "$peer_log")"
# Held while asleep (while_away = "hold", the default): one message on return names the sleep.
wait_for 5 grep -q 'While the machine slept: calf-stretch .*CRAMPD_EVENT=back CRAMPD_HELD_REASON=asleep CRAMPD_HELD_REMINDERS=calf-stretch' "$log" \
    && ok "told once on return: $(grep -o 'While the machine slept: [^[]*' "$log")" || fail "no message on return naming the sleep in $(cat "$log")"
[ "$(grep -c 'CRAMPD_EVENT=back' "$log")" = 1 ] && ok "one message on return" || fail "back entries: $(grep 'CRAMPD_EVENT=back' "$log")"
grep -qE 'CRAMPD_EVENT=(due|catch-up) CRAMPD_REMINDER=calf-stretch' "$log" && fail "calf-stretch also fired: $(grep 'calf-stretch' "$log")" \
    || ok "no popup of its own besides the message"

# With while_away = "deliver" nothing is held: the one catch-up after resume says why it is late.
due_epoch=$(( $(date +%s) + 8 ))
cat >"$XDG_CONFIG_HOME/crampd/config.toml" <<TOML
[daemon]
notify = ["journal"]
grace = "2s"
while_away = "deliver"

[[reminder]]
id = "night-stretch"
kind = "stretch"
at = "$(date -u -d "@$due_epoch" +%H:%M:%S)"
TOML
"$crampd" ctl reload >/dev/null || fail "reload for while_away = deliver"
logind Sleep
wait_for 3 presence_is asleep logind-sleep || fail "asleep again: got '$(presence held)'"
kill -STOP "$daemon_pid"
sleep $(( due_epoch + 4 - $(date +%s) ))
kill -CONT "$daemon_pid"
logind Wake
wait_for 5 grep -q 'catch-up, late by .*: missed while the machine slept' "$log" \
    && ok "caught up: $(grep -o 'catch-up, late by [^)]*' "$log")" || fail "no catch-up named for the sleep in $(cat "$log")"
[ "$(grep -c 'CRAMPD_EVENT=catch-up' "$log")" = 1 ] && ok "caught up once" || fail "catch-ups: $(grep 'catch-up' "$log")"

# The session bus: stand-ins for the screen saver, KDE's and mako's notification servers, each
# started after crampd (read when its name appears), switched by signal, then stopped.
peer_pid=
start_peer() {  # KIND [on]
    /usr/bin/python3 Tests/e2e/lib/session_peer.py "$@" >"$work/$1.log" 2>&1 &
    peer_pid=$!
    pids+=("$peer_pid")
    wait_for 10 grep -q '^ready' "$work/$1.log" || { cat "$work/$1.log"; echo "FAIL the $1 stand-in did not start"; exit 1; }
}
stop_peer() { kill "$peer_pid"; wait "$peer_pid" 2>/dev/null || true; }
peer_set() {  # NAME true|false
    gdbus call --address "$DBUS_SESSION_BUS_ADDRESS" --dest "$1" --object-path /org/crampd/TestPeer \
        --method org.crampd.TestPeer.Set "$2" >/dev/null
}
check_peer() {  # KIND NAME REASON SOURCE
    local kind=$1 name=$2 reason=$3 source=$4
    start_peer "$kind" on
    wait_for 3 presence_is "$reason" "$source" && ok "$kind appears already on: $reason ($source)" || fail "$kind on at start: got '$(presence held)' from '$(presence source)'"
    peer_set "$name" false
    wait_for 3 presence_is "" "" && ok "$kind off: present" || fail "$kind off: got '$(presence held)'"
    peer_set "$name" true
    wait_for 3 presence_is "$reason" "$source" && ok "$kind on: $reason" || fail "$kind on: got '$(presence held)' from '$(presence source)'"
    stop_peer
    wait_for 3 presence_is "" "" && ok "$kind gone: present" || fail "$kind gone: got '$(presence held)'"
}
check_peer screensaver org.freedesktop.ScreenSaver locked screensaver
check_peer kde org.freedesktop.Notifications dnd kde
check_peer mako org.freedesktop.Notifications dnd mako

# GNOME: the real dconf-service on the session bus and the real gsettings write show-banners to
# the daemon's $XDG_CONFIG_HOME/dconf/user; crampd reads it when dconf announces the change.
if [ -x /usr/libexec/dconf-service ] && command -v gsettings >/dev/null; then
    /usr/libexec/dconf-service 2>>"$work/dconf.log" &
    pids+=("$!")
    gsettings_set() { GSETTINGS_BACKEND=dconf timeout 10 gsettings "$@"; }
    # gsettings writes through dconf-service: wait until it owns its name (under load it may not yet).
    dconf_on_bus() {
        gdbus call --address "$DBUS_SESSION_BUS_ADDRESS" --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
            --method org.freedesktop.DBus.NameHasOwner ca.desrt.dconf 2>/dev/null | grep -q true
    }
    wait_for 10 dconf_on_bus || fail "dconf-service did not take ca.desrt.dconf: $(cat "$work/dconf.log")"
    gsettings_set set org.gnome.desktop.notifications show-banners false
    wait_for 3 presence_is dnd gnome && ok "GNOME show-banners false: dnd (gnome)" || fail "show-banners false: got '$(presence held)' from '$(presence source)'"
    gsettings_set set org.gnome.desktop.notifications show-banners true
    wait_for 3 presence_is "" "" && ok "GNOME show-banners true: present" || fail "show-banners true: got '$(presence held)'"
    gsettings_set set org.gnome.desktop.notifications show-banners false
    wait_for 3 presence_is dnd gnome || fail "show-banners false again: got '$(presence held)'"
    gsettings_set reset org.gnome.desktop.notifications show-banners
    wait_for 3 presence_is "" "" && ok "GNOME show-banners reset: present" || fail "show-banners reset: got '$(presence held)'"
else
    echo "SKIP GNOME: no dconf-service or gsettings"
fi

# logind goes away: what it said no longer holds (the stand-in is gone, nothing crashes).
logind SetLocked true
wait_for 3 presence_is locked logind-lock || fail "locked again: got '$(presence held)'"
kill "$logind_pid"; wait "$logind_pid" 2>/dev/null || true
wait_for 3 presence_is "" "" && ok "logind gone: no longer locked" || fail "logind gone: got '$(presence held)'"
# logind comes back: crampd finds the session again (NameOwnerChanged) and follows it.
start_logind || fail "the logind stand-in did not start again"
wait_for 5 grep -q 'inhibitor taken' "$peer_log" && ok "logind back: a new inhibitor" || fail "logind back: no inhibitor: $(cat "$peer_log")"
logind SetLocked true
wait_for 3 presence_is locked logind-lock && ok "logind back: locked again" || fail "logind back: got '$(presence held)'"
"$crampd" ctl status >/dev/null && ok "the daemon still answers" || fail "the daemon does not answer"

[ "$failures" = 0 ] || { echo "--- daemon log"; cat "$log"; echo "--- stand-in log"; cat "$peer_log"; exit 1; }
echo "session.sh: all passed in ${SECONDS}s"
