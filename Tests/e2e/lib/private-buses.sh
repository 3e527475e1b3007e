# shellcheck shell=bash
# Sourced after lib/foreground-daemon.sh by the e2e scripts that run crampd against private
# buses (session.sh, desktop-resume.sh); skips without python3-dbus/python3-gi. The exit trap
# also stops every PID in $pids. Then: wait_for; start_bus, start_buses; and the scripted logind
# stand-in (lib/logind_peer.py), driven with `logind METHOD [ARGS...]`.
source Tests/e2e/lib/desktop-session.sh

pids=()
cleanup() {
    stop_daemon
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
/usr/bin/python3 -c 'import dbus, gi' 2>/dev/null || { echo "SKIP: no python3-dbus/python3-gi"; exit 0; }

# wait_for SECONDS COMMAND...: true as soon as COMMAND succeeds.
wait_for() {
    local deadline=$(( $(date +%s%3N) + $1 * 1000 )); shift
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s%3N)" -ge "$deadline" ] && return 1
        sleep 0.05
    done
}

# start_bus NAME: a private bus, as permissive as a test bus may be, that can start nothing;
# sets its address in bus_address.
start_bus() {
    local socket="$work/$1.bus"
    desktop_bus_config "$socket" >"$work/$1.conf"
    dbus-daemon --config-file="$work/$1.conf" --nofork --nopidfile 2>>"$work/dbus.log" &
    pids+=("$!")
    wait_for 10 test -S "$socket" || { echo "FAIL dbus-daemon did not create $socket"; exit 1; }
    bus_address="unix:path=$socket"
}

# start_buses: a private system bus and session bus, exported for crampd and the stand-ins, and
# no login session named, so crampd asks logind for the user's display session.
start_buses() {
    start_bus system; export DBUS_SYSTEM_BUS_ADDRESS=$bus_address
    start_bus session; export DBUS_SESSION_BUS_ADDRESS=$bus_address
    unset XDG_SESSION_ID
}

# start_logind: the logind stand-in on $DBUS_SYSTEM_BUS_ADDRESS, its PID in logind_pid, its
# events in $peer_log (started afresh); fails when it does not say "ready" within 10 s.
peer_log="$work/logind.log"
logind_pid=
start_logind() {
    /usr/bin/python3 Tests/e2e/lib/logind_peer.py "$(id -u)" >"$peer_log" 2>&1 &
    logind_pid=$!
    pids+=("$logind_pid")
    wait_for 10 grep -q '^ready' "$peer_log"
}
logind() {  # METHOD [ARGS...]: drives the stand-in
    gdbus call --address "$DBUS_SYSTEM_BUS_ADDRESS" --dest org.freedesktop.login1 --object-path /org/freedesktop/login1 \
        --method "org.crampd.TestPeer.$@" >/dev/null
}
