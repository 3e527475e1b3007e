# Sourced (from the repository root) by e2e scripts that run the real daemon in the foreground
# with temporary XDG dirs: takes the e2e lock (serialized with the other scripts), makes $work,
# exports the XDG dirs, and defines start_daemon / stop_daemon, ok / fail with $failures.
# The exit trap stops the daemon and removes $work; a script with more to clean up sets its own
# trap that calls stop_daemon and removes $work too.
crampd="$PWD/.build/debug/crampd"
[ -x "$crampd" ] || { echo "missing $crampd: run swift build first"; exit 1; }

# Read-only, as lib/systemd-env.sh opens it: any user can lock a file someone else created.
e2e_lock_file=/run/lock/crampd-e2e.lock
[ -e "$e2e_lock_file" ] || { : >>"$e2e_lock_file" && chmod 644 "$e2e_lock_file"; } 2>/dev/null
exec {e2e_lock}<"$e2e_lock_file"
flock -w 600 "$e2e_lock" || { echo "FAIL could not take $e2e_lock_file within 600 s"; exit 1; }

work=$(mktemp -d)
daemon_pid=""
stop_daemon() {
  if [ -n "$daemon_pid" ]; then kill "$daemon_pid" 2>/dev/null || true; wait "$daemon_pid" 2>/dev/null || true; daemon_pid=""; fi
}
trap 'stop_daemon; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_RUNTIME_DIR="$work/run" CRAMPD_NO_JOURNAL=1 TZ=UTC
unset CRAMPD_SOCKET
mkdir -p "$XDG_CONFIG_HOME/crampd" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
diary="$XDG_STATE_HOME/crampd/diary.sqlite"
log="$work/daemon.log"
failures=0
fail() { echo "FAIL $*"; failures=$((failures+1)); }
ok() { echo "ok   $*"; }

# Starts `crampd run` in the background and waits (up to 10 s) until it answers `ctl status`.
start_daemon() {
  "$crampd" run >>"$log" 2>&1 &
  daemon_pid=$!
  for _ in $(seq 100); do
    "$crampd" ctl status >/dev/null 2>&1 && return 0
    kill -0 "$daemon_pid" 2>/dev/null || { cat "$log"; echo "FAIL the daemon exited"; exit 1; }
    sleep 0.1
  done
  cat "$log"; echo "FAIL the daemon did not answer"; exit 1
}
