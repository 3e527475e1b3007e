#!/usr/bin/env bash
# Idle cost with desktop notifications on (issue 9): two release daemons side by side over the
# same window, one with notify = ["journal", "desktop"] connected to a live private session
# bus and dunst (on Xvfb), one with notify = ["journal"]; default reminders in a zone where it
# is about 03:00 (quiet hours, nothing due). Target: 0 context switches and 0 ms CPU for both.
#   bench/desktop-idle.sh [IDLE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
idle_cost=../shared/tools/idle_cost.sh
source Tests/e2e/lib/desktop-session.sh
swift build -c release --static-swift-stdlib --product crampd >/dev/null
bin="$PWD/.build/release/crampd"

tmp=$(mktemp -d /tmp/crampd-desktop-idle.XXXXXX)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

display=$(desktop_free_display 79 75) || { echo "no free X display between :75 and :79" >&2; exit 1; }
cat >"$tmp/bus.conf" <<XML
<busconfig><type>session</type><listen>unix:path=$tmp/bus</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
XML
dbus-daemon --config-file="$tmp/bus.conf" --nofork --nopidfile 2>/dev/null & pids+=("$!")
Xvfb "$display" -screen 0 800x600x24 -nolisten tcp >/dev/null 2>&1 & pids+=("$!")
export DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/bus"
for _ in $(seq 50); do [ -S "$tmp/bus" ] && DISPLAY=$display xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
DISPLAY=$display dunst >/dev/null 2>&1 & pids+=("$!")

zone=$(python3 -c 'import datetime; h = datetime.datetime.now(datetime.timezone.utc).hour; o = (3 - h + 12) % 24 - 12; print("Etc/GMT" + ("-" if o > 0 else "+") + str(abs(o)))')
declare -A daemon
for variant in desktop journal; do
    root="$tmp/$variant"
    mkdir -p "$root/config/crampd/config.d" "$root/state" "$root/run"
    chmod 700 "$root/run"
    channels='["journal"]'
    [ "$variant" = desktop ] && channels='["journal", "desktop"]'
    printf '[daemon]\ntimezone = "%s"\nnotify = %s\n' "$zone" "$channels" >"$root/config/crampd/config.d/10-bench.toml"
    XDG_CONFIG_HOME="$root/config" XDG_STATE_HOME="$root/state" XDG_RUNTIME_DIR="$root/run" CRAMPD_NO_JOURNAL=1 \
        "$bin" run 2>"$root/stderr" &
    daemon[$variant]=$!
    pids+=("$!")
done
sleep 6  # Dispatch's start-up worker threads retire after about 5 s
grep -q "Desktop notifications go to dunst" "$tmp/desktop/stderr" || { cat "$tmp/desktop/stderr" >&2; echo "the desktop daemon did not reach dunst" >&2; exit 1; }
for variant in desktop journal; do
    bash "$idle_cost" -v "${daemon[$variant]}" "$seconds" >"$tmp/$variant.out" 2>"$tmp/$variant.detail" &
done
wait_for_measurements() { for variant in desktop journal; do while [ ! -s "$tmp/$variant.out" ]; do sleep 1; done; done; }
wait_for_measurements
echo "machine: $(nproc) cores, $(date -u +%F), idle window $seconds s, zone $zone"
for variant in desktop journal; do
    read -r rss pss cpu ctxsw threads <"$tmp/$variant.out"
    awk -v v="$variant:" -v rss="$rss" -v pss="$pss" -v cpu="$cpu" -v cs="$ctxsw" -v t="$threads" -v d="$(cat "$tmp/$variant.detail")" \
        'BEGIN { printf "notify %-8s RSS %.1f MB, PSS %.1f MB, CPU %s ms, context switches %s, threads %s (%s)\n", v, rss / 1024, pss / 1024, cpu, cs, t, d }' 
done
