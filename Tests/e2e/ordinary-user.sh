#!/usr/bin/env bash
# crampd as an ordinary (non-root) user, as real users run it (issue 14). Root hides problems:
# under PrivateUsers= it shows up as "nobody" and may do what a user may not. With a user of its
# own (Tests/e2e/lib/ordinary-user.sh: account, /run/user/UID, delegated cgroup, systemd --user):
#   1. with the user manager: `make install` (the README's command; the binary is built once
#      as root and passed in with BINARY=), a reminder reaches the journal, `ctl status` and a
#      truthful `systemctl --user reload` work as that user, libdispatch's "Failed to set thread
#      priority" lines stay out of the journal, and stop and uninstall are clean;
#   2. no user manager and no XDG_RUNTIME_DIR (cron, su): `make install` starts crampd in the
#      background on /tmp/crampd-UID, its log file holds the reminders, ctl finds it, a second
#      crampd is refused naming the first's pid, `make uninstall` stops it by its recorded pid.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh
source Tests/e2e/lib/ordinary-user.sh
repo=$(pwd)

step() { printf '== %s\n' "$*"; }
fail() {
    ou_systemctl status crampd.service crampd.socket --no-pager >&2 || true
    sdenv_journal -n 30 -o short-precise -t crampd >&2 || true
    sdenv_fail "$@"
}

# The e2e lock and a journald; this test brings its own user's manager, not root's.
mkdir -p "$SDENV_LOCK_DIR"
sdenv_open_lock "$SDENV_E2E_LOCK"
flock -w 600 "$SDENV_LOCK_FD" || sdenv_fail "Failed to lock $SDENV_E2E_LOCK: another end-to-end run held it for 10 minutes"
trap sdenv_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
SDENV_TMP=$(mktemp -d /tmp/crampd-e2e-user.XXXXXX) && chmod 755 "$SDENV_TMP"
sdenv_start_journald
SDENV_START_SECONDS=$(date +%s)
sdenv_on_exit ou_cleanup

step "build crampd once as root"
swift build --product crampd >"$SDENV_TMP/build.log" 2>&1 || { tail -n 20 "$SDENV_TMP/build.log" >&2; sdenv_fail "swift build failed"; }
install -m 755 "$(swift build --show-bin-path)/crampd" "$SDENV_TMP/crampd"

ou_start crampd-e2e-user
sdenv_on_exit "rm -rf /tmp/crampd-$OU_UID"
crampd="$OU_HOME/.local/bin/crampd"
state_dir="$OU_HOME/.local/state/crampd"
# As cron or su runs things: no XDG_RUNTIME_DIR (and, in part 2, no user manager).
no_session() { ou_run env -u XDG_RUNTIME_DIR "$@"; }

# write_config ID: a config with one reminder three seconds ahead, as the user.
write_config() {
    local due
    due=$(date -d '+3 seconds' +%H:%M:%S)
    ou_run bash -c "mkdir -p ~/.config/crampd && cat >~/.config/crampd/config.toml" <<TOML
[daemon]
grace = "1m"

[[reminder]]
id = "$1"
kind = "hydration"
message = "Drink a glass of water ($1)"
at = "$due"
TOML
}

step "1. with the user manager: make install, the README's command, as $OU_USER"
ou_run make -s -C "$repo" install PREFIX="$OU_HOME/.local" BINARY="$SDENV_TMP/crampd" </dev/null >"$SDENV_TMP/install-2.log" 2>&1 \
    || { cat "$SDENV_TMP/install-2.log" >&2; fail "make install failed"; }
sdenv_wait_for 15 ou_systemctl is-active --quiet crampd.service || fail "crampd.service is not active"
ou_systemctl show -p MainPID -p ActiveState -p StatusText crampd.service

step "1. a reminder reaches the journal; ctl status and a truthful reload as $OU_USER"
write_config e2e-ordinary
ou_systemctl reload crampd.service || fail "systemctl --user reload failed"
sdenv_wait_journal 10 -t crampd CRAMPD_REMINDER=e2e-ordinary CRAMPD_EVENT=due || fail "no reminder in the journal"
sdenv_journal -o cat -t crampd CRAMPD_REMINDER=e2e-ordinary CRAMPD_EVENT=due
ou_run "$crampd" ctl status >"$SDENV_TMP/status.out" || fail "ctl status failed as $OU_USER"
grep -q "Loaded: ok" "$SDENV_TMP/status.out" || fail "ctl status: $(cat "$SDENV_TMP/status.out")"
ou_run bash -c 'printf "[[reminder]]\nid = \"x\"\nevery: 1\n" >~/.config/crampd/config.toml'
if ou_systemctl reload crampd.service 2>/dev/null; then fail "reload of a broken file succeeded"; fi
ou_systemctl show -p StatusText --value crampd.service | grep -q "^config error, kept the previous config: $OU_HOME/.config/crampd/config.toml:3:6" \
    || fail "STATUS=: $(ou_systemctl show -p StatusText --value crampd.service)"
write_config e2e-ordinary-2
ou_systemctl reload crampd.service || fail "reload of the fixed file failed"

step "1. nothing but crampd's own entries: no libdispatch thread-priority lines"
# Each event after 5 idle seconds starts a Dispatch worker thread, and each worker tried to set
# its priority; space the events so that new workers start.
for i in 1 2 3; do
    ou_run "$crampd" ctl status >/dev/null || fail "ctl status failed"
    sleep 6
done
noise=$(sdenv_journal -o cat -t crampd | grep -c "Failed to set thread priority" || true)
total=$(sdenv_journal -o cat -t crampd | wc -l)
echo "thread-priority lines: $noise of $total entries under crampd's tag"
[ "$noise" = 0 ] || fail "libdispatch wrote $noise thread-priority lines into the journal"

step "1. stop, disable and uninstall as the README says"
stop_out=$(ou_systemctl stop crampd.socket crampd.service 2>&1) || fail "stop failed: $stop_out"
[ -z "$stop_out" ] || fail "stop said: $stop_out"
[ "$(ou_systemctl is-active crampd.service crampd.socket | sort -u)" = inactive ] || fail "still active after stop"
if ou_run "$crampd" ctl status >/dev/null 2>&1; then fail "ctl status re-activated a stopped crampd"; fi
ou_run make -s -C "$repo" uninstall PREFIX="$OU_HOME/.local" >"$SDENV_TMP/uninstall-2.log" 2>&1 || { cat "$SDENV_TMP/uninstall-2.log" >&2; fail "make uninstall failed"; }
[ ! -e "$crampd" ] || fail "make uninstall left $crampd"
[ "$(ou_systemctl show -p LoadState --value crampd.service)" = not-found ] || fail "crampd.service still loaded after uninstall"
step "2. no user manager (stopped) and no XDG_RUNTIME_DIR, as under cron or su"
sdenv_stop_pid "$OU_MANAGER_PID" 20 "systemd --user of $OU_USER"
ou_manager_answers && sdenv_fail "the user manager still answers"
step "2. no user manager, no XDG_RUNTIME_DIR: make install runs crampd in the background"
no_session make -s -C "$repo" install PREFIX="$OU_HOME/.local" BINARY="$SDENV_TMP/crampd" </dev/null >"$SDENV_TMP/install-1.log" 2>&1 \
    || { cat "$SDENV_TMP/install-1.log" >&2; sdenv_fail "make install without a session failed"; }
pid=$(sed -n 's/.*started crampd in the background (pid \([0-9]*\)).*/\1/p' "$SDENV_TMP/install-1.log")
[ -n "$pid" ] || { cat "$SDENV_TMP/install-1.log" >&2; sdenv_fail "make install did not start crampd in the background"; }
runtime=$(stat -c '%U %a %F' "/tmp/crampd-$OU_UID")
[ "$runtime" = "$OU_USER 700 directory" ] || sdenv_fail "fallback runtime directory: $runtime"
no_session "$crampd" ctl status | grep -q "pid $pid" || sdenv_fail "ctl does not find the daemon by the same rule"
write_config e2e-background
no_session "$crampd" ctl reload >/dev/null || sdenv_fail "ctl reload failed"
log="$state_dir/crampd.log"
sdenv_wait_for 10 grep -q "CRAMPD_REMINDER=e2e-background" "$log" || { cat "$log" >&2; sdenv_fail "no reminder in $log"; }
grep -q "warning: XDG_RUNTIME_DIR is not set (no login session); using /tmp/crampd-$OU_UID" "$log" || sdenv_fail "no fallback warning in $log"
grep "CRAMPD_REMINDER=e2e-background" "$log"

step "2. a second crampd (another socket, same state) is refused, naming the first"
status=0
second=$(ou_run env -u XDG_RUNTIME_DIR CRAMPD_NO_JOURNAL=1 CRAMPD_SOCKET="$OU_HOME/second.sock" "$crampd" run 2>&1) || status=$?
[ "$status" = 69 ] || sdenv_fail "second crampd exited $status: $second"
grep -q "another crampd (pid $pid) already runs with the state directory $state_dir" <<<"$second" || sdenv_fail "second crampd said: $second"
echo "$second" | tail -n 1

step "2. make uninstall stops it by its recorded pid"
no_session make -s -C "$repo" uninstall PREFIX="$OU_HOME/.local" >"$SDENV_TMP/uninstall-1.log" 2>&1 || { cat "$SDENV_TMP/uninstall-1.log" >&2; sdenv_fail "make uninstall failed"; }
grep -q "stopped the crampd running from $crampd (pid $pid)" "$SDENV_TMP/uninstall-1.log" || { cat "$SDENV_TMP/uninstall-1.log" >&2; sdenv_fail "uninstall did not stop it"; }
sdenv_wait_for 5 sh -c "! kill -0 $pid" || sdenv_fail "crampd (pid $pid) still runs after make uninstall"
ou_run rm -f "$log" ~/.config/crampd/config.toml 2>/dev/null || true

echo "ordinary-user: ok"
