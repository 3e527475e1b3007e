#!/usr/bin/env bash
# The daemon's memory around a large `crampd ctl import` (issue 18): RSS before, right after,
# and after the next watchdog ping, where the daemon gives freed heap and code pages back
# (IdlePages.release: malloc_trim and MADV_PAGEOUT). The service pings every WatchdogSec/2;
# here WATCHDOG_USEC=20s, so within 20 s. Temporary XDG directories, no journal.
#   bench/import-memory.sh [RECORDS] [BINARY]     (defaults: 150000, .build/debug/crampd)
set -euo pipefail
records=${1:-150000}
crampd=$(realpath "${2:-.build/debug/crampd}")
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work"/{config,state,run,data} && chmod 700 "$work/run"
export XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_RUNTIME_DIR=$work/run XDG_DATA_HOME=$work/data CRAMPD_NO_JOURNAL=1
python3 - "$records" "$work/export.json" <<'PY'
import datetime, json, sys, time
n, path = int(sys.argv[1]), sys.argv[2]
now = int(time.time()) * 1_000_000
def local(us): return datetime.datetime.fromtimestamp(us / 1e6, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")
drinks = [{"milliliters": 200 + i % 5 * 50, "time": now - (i + 10) * 60_000_000, "localTime": local(now - (i + 10) * 60_000_000)} for i in range(n)]
json.dump({"format": "crampd-diary", "version": 1, "zone": "Etc/UTC", "drinks": drinks, "doses": [], "cramps": [], "reminderEvents": []}, open(path, "w"))
PY
# WATCHDOG_PID must be the daemon's own pid: the shell execs into it.
sh -c 'WATCHDOG_PID=$$ WATCHDOG_USEC=20000000 exec "$0" run' "$crampd" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 50); do "$crampd" ctl status >/dev/null 2>&1 && break; sleep 0.1; done
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }
before=$(rss)
start=$(date +%s.%N)
"$crampd" ctl import "$work/export.json" >/dev/null
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
after=$(rss)
sleep 22  # the next two pings
settled=$(rss)
printf 'records=%s file_bytes=%s import_s=%.1f rss_before_kb=%s rss_after_import_kb=%s rss_after_ping_kb=%s\n' \
    "$records" "$(stat -c %s "$work/export.json")" "$elapsed" "$before" "$after" "$settled"
