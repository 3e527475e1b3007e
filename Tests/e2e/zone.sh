#!/usr/bin/env bash
# The zone follows the system's while crampd runs (issue 16 items 1 and 7), for real: the daemon
# runs in a private mount namespace whose /etc is a copy, and the copy's localtime is replaced
# the way timedated does it (a new symlink renamed over the old one); this machine's own zone is
# never touched. Checked within a second: one zone-changed journal entry, and `ctl next` on the
# new zone's clock. Then a zone pinned by TZ ignores the same change (no watch at all), and a
# zone file whose contents change under the same name counts as another zone.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh
CRAMPD=${CRAMPD:-$(pwd)/.build/debug/crampd}
[ -x "$CRAMPD" ] || sdenv_fail "no $CRAMPD; run swift build first"
command -v unshare >/dev/null || sdenv_skip "no unshare"
sdenv_setup

COPY=$SDENV_TMP/etc
RUN=$SDENV_TMP/run
cp -a /etc "$COPY"
mkdir -p -m 700 "$RUN" "$SDENV_TMP/config/crampd" "$SDENV_TMP/state"
cat >"$SDENV_TMP/config/crampd/config.toml" <<'TOML'
[daemon]
notify = ["journal"]

[[reminder]]
id = "evening-stretch"
kind = "stretch"
at = "21:00"
TOML

DAEMON_PID=
stop_daemon() {
    if [ -n "$DAEMON_PID" ] && kill -0 "$DAEMON_PID" 2>/dev/null; then
        kill "$DAEMON_PID"; wait "$DAEMON_PID" 2>/dev/null || true
    fi
    DAEMON_PID=
}
sdenv_on_exit stop_daemon

run_env() { env -u TZ XDG_CONFIG_HOME="$SDENV_TMP/config" XDG_STATE_HOME="$SDENV_TMP/state" XDG_RUNTIME_DIR="$RUN" "$@"; }
ctl() { run_env "$CRAMPD" ctl "$@"; }

# start_daemon [VAR=VALUE...]: crampd run in its own mount namespace with $COPY as /etc.
start_daemon() {
    rm -rf "$SDENV_TMP/state"/*
    # env, unshare and sh each exec the next: $! is crampd's pid.
    env -u TZ XDG_CONFIG_HOME="$SDENV_TMP/config" XDG_STATE_HOME="$SDENV_TMP/state" XDG_RUNTIME_DIR="$RUN" "$@" \
        unshare -m --propagation private sh -c 'mount --bind "$1" /etc && exec "$2" run' sh "$COPY" "$CRAMPD" &
    DAEMON_PID=$!
    sdenv_wait_for 10 ctl status || sdenv_fail "crampd did not answer"
    [ "$(readlink "/proc/$DAEMON_PID/exe")" = "$(readlink -f "$CRAMPD")" ] || sdenv_fail "pid $DAEMON_PID is not crampd"
}

# relink NAME-OR-PATH: a new symlink renamed over $COPY/localtime, as timedated writes it.
relink() {
    ln -s "$1" "$COPY/.#localtime.new"
    mv -T "$COPY/.#localtime.new" "$COPY/localtime"
}

# The next firing as `ctl next --json` gives it (microseconds since the epoch).
next_fire() { ctl next --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["occurrences"][0]["at"])'; }
# 21:00 of the coming evening in ZONE, in microseconds since the epoch.
nine_pm_in() {
    python3 - "$1" <<'PY'
import sys, datetime, zoneinfo
z = zoneinfo.ZoneInfo(sys.argv[1]); now = datetime.datetime.now(z)
t = now.replace(hour=21, minute=0, second=0, microsecond=0)
if t <= now: t += datetime.timedelta(days=1)
print(int(t.timestamp()) * 1_000_000)
PY
}

# wait_ms MS COMMAND...: true as soon as COMMAND succeeds, false after MS milliseconds.
wait_ms() {
    local deadline=$(( $(date +%s%3N) + $1 )); shift
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s%3N)" -ge "$deadline" ] && return 1
        sleep 0.02
    done
}
next_is() { [ "$(next_fire)" = "$1" ]; }

# 1. Followed: Berlin, then New York.
relink /usr/share/zoneinfo/Europe/Berlin
start_daemon
[ "$(next_fire)" = "$(nine_pm_in Europe/Berlin)" ] || sdenv_fail "next is not 21:00 in Berlin: $(ctl next)"
ctl status | grep -q "Zone: *Europe/Berlin" || sdenv_fail "status does not name the zone: $(ctl status)"
relink /usr/share/zoneinfo/America/New_York
wait_ms 1000 sdenv_journal_has -t crampd CRAMPD_EVENT=zone-changed CRAMPD_ZONE_OLD=Europe/Berlin CRAMPD_ZONE_NEW=America/New_York \
    || sdenv_fail "no zone-changed entry within a second"
wait_ms 1000 next_is "$(nine_pm_in America/New_York)" || sdenv_fail "next is not 21:00 in New York: $(ctl next)"
ctl next | grep -q "21:00" || sdenv_fail "ctl next is not shown in the daemon's zone: $(ctl next)"
[ "$(sdenv_journal -t crampd CRAMPD_EVENT=zone-changed -o cat | wc -l)" = 1 ] || sdenv_fail "more than one zone-changed entry"
sdenv_journal -t crampd CRAMPD_EVENT=zone-changed -o cat | grep -q "from Europe/Berlin to America/New_York.*next: evening-stretch at" \
    || sdenv_fail "the entry does not say what is next: $(sdenv_journal -t crampd CRAMPD_EVENT=zone-changed -o cat)"
stop_daemon
echo "ok: followed Europe/Berlin -> America/New_York"

# 2. Pinned by TZ: no watch, the change is ignored.
relink /usr/share/zoneinfo/Europe/Berlin
start_daemon TZ=Asia/Tokyo
ls -l "/proc/$DAEMON_PID/fd" | grep -q inotify && sdenv_fail "a pinned zone is watched"
relink /usr/share/zoneinfo/America/New_York
sleep 1
[ "$(sdenv_journal -t crampd CRAMPD_EVENT=zone-changed -o cat | wc -l)" = 1 ] || sdenv_fail "a pinned zone followed the system's"
next_is "$(nine_pm_in Asia/Tokyo)" || sdenv_fail "next is not 21:00 in Tokyo: $(ctl next)"
stop_daemon
echo "ok: pinned by TZ, the change is ignored"

# 3. The same name, new contents: localtime links to a zone file outside tzdata, which is replaced.
mkdir -p "$COPY/zoneinfo-test"
cp /usr/share/zoneinfo/Europe/Berlin "$COPY/zoneinfo-test/Home"
relink /etc/zoneinfo-test/Home
start_daemon
[ "$(next_fire)" = "$(nine_pm_in Europe/Berlin)" ] || sdenv_fail "next is not 21:00 on Berlin's rules: $(ctl next)"
cp /usr/share/zoneinfo/Asia/Tokyo "$COPY/zoneinfo-test/.Home.new"
mv -T "$COPY/zoneinfo-test/.Home.new" "$COPY/zoneinfo-test/Home"
wait_ms 1000 next_is "$(nine_pm_in Asia/Tokyo)" || sdenv_fail "next is not 21:00 on Tokyo's rules: $(ctl next)"
[ "$(sdenv_journal -t crampd CRAMPD_EVENT=zone-changed CRAMPD_ZONE_NEW=localtime -o cat | wc -l)" = 1 ] \
    || sdenv_fail "no zone-changed entry for new contents under the same name"
stop_daemon
echo "ok: new contents of the zone file under the same name"

# 4. One zone for everything shown: the daemon plans in [daemon] timezone, the client runs with
# another TZ; ctl shows and reads times in the daemon's zone.
relink /usr/share/zoneinfo/Europe/Berlin
sed -i 's|^\[daemon\]$|[daemon]\ntimezone = "America/New_York"|' "$SDENV_TMP/config/crampd/config.toml"
start_daemon
ctl status | grep -q "Zone: America/New_York (pinned)" || sdenv_fail "status does not name the pinned zone: $(ctl status)"
TZ=Europe/Berlin ctl next | grep -q "21:00" || sdenv_fail "ctl next is not in the daemon's zone: $(TZ=Europe/Berlin ctl next)"
TZ=Europe/Berlin ctl list | grep -q "21:00" || sdenv_fail "ctl list is not in the daemon's zone: $(TZ=Europe/Berlin ctl list)"
TZ=Europe/Berlin ctl pause --until 23:59 >/dev/null
until_usec=$(ctl status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["pause"]["until"])')
[ "$(TZ=America/New_York date -d "@$((until_usec / 1000000))" +%H:%M)" = 23:59 ] \
    || sdenv_fail "pause --until 23:59 was not read in the daemon's zone: until $until_usec"
stop_daemon
echo "ok: ctl shows and reads times in the daemon's zone"
echo "PASS: zone.sh"
