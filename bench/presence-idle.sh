#!/usr/bin/env bash
# Idle cost with presence on (issue 16): one daemon with desktop notifications on a private
# session bus with dunst (its do-not-disturb watched) and the X server's idle counter watched
# (Xvfb, XSync alarms), measured over three windows with nothing due: present (away_after
# = "10m"), away (away_after = "2s", reloaded, no input), and away plus do-not-disturb
# (dunstctl set-paused true). Target: 0 context switches and 0 ms CPU in each.
#   bench/presence-idle.sh [IDLE_SECONDS]      # CRAMPD_BIN=… measures another build
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
idle_cost=../shared/tools/idle_cost.sh
source Tests/e2e/lib/desktop-session.sh
bin=${CRAMPD_BIN:-}
if [ -z "$bin" ]; then swift build --product crampd >/dev/null; bin="$PWD/.build/debug/crampd"; fi

tmp=$(mktemp -d /tmp/crampd-presence-idle.XXXXXX)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

display=$(desktop_free_display 74 70) || { echo "no free X display between :70 and :74" >&2; exit 1; }
export DISPLAY=$display DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/bus"
desktop_bus_config "$tmp/bus" >"$tmp/bus.conf"
dbus-daemon --config-file="$tmp/bus.conf" --nofork --nopidfile 2>/dev/null & pids+=("$!")
Xvfb "$display" -screen 0 800x600x24 -nolisten tcp >/dev/null 2>&1 & pids+=("$!")
for _ in $(seq 50); do [ -S "$tmp/bus" ] && xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
dunst >/dev/null 2>&1 & pids+=("$!")
for _ in $(seq 50); do dunstctl is-paused >/dev/null 2>&1 && break; sleep 0.1; done

mkdir -p "$tmp/config/crampd" "$tmp/state" "$tmp/run"
chmod 700 "$tmp/run"
config() {
    printf '[daemon]\nnotify = ["journal", "desktop"]\naway_after = "%s"\n\n[[reminder]]\nid = "water"\nkind = "hydration"\nat = "%s"\n' \
        "$1" "$(date -d '+3 hours' +%H:%M)" >"$tmp/config/crampd/config.toml"
}
config 10m
export XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/run" CRAMPD_NO_JOURNAL=1 CRAMPD_SOCKET="$tmp/run/ctl.sock"
"$bin" run 2>"$tmp/stderr" & daemon=$!; pids+=("$daemon")
presence() { "$bin" ctl status | sed -n 's/^ *Presence: //p'; }
measure() {
    sleep 6  # Dispatch's worker threads from the last event retire after about 5 s
    local line detail
    line=$(bash "$idle_cost" -v "$daemon" "$seconds" 2>"$tmp/detail")
    detail=$(cat "$tmp/detail")
    read -r rss pss cpu ctxsw threads <<<"$line"
    awk -v w="$1" -v p="$(presence)" -v rss="$rss" -v pss="$pss" -v cpu="$cpu" -v cs="$ctxsw" -v t="$threads" -v d="$detail" \
        'BEGIN { printf "%-22s (%s): RSS %.1f MB, PSS %.1f MB, CPU %s ms, context switches %s, threads %s (%s)\n", w, p, rss / 1024, pss / 1024, cpu, cs, t, d }'
}
for _ in $(seq 50); do presence >/dev/null 2>&1 && break; sleep 0.1; done
echo "machine: $(nproc) cores, $(date -u +%F), idle window $seconds s, $bin"
measure present
config 2s; kill -HUP "$daemon"; sleep 4
measure away
dunstctl set-paused true; sleep 1
measure "away + do-not-disturb"
grep -q "Away after 2s without input on X display" "$tmp/stderr" || { cat "$tmp/stderr" >&2; echo "the X11 idle watch did not start" >&2; exit 1; }
