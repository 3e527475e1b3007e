# shellcheck shell=bash
# Sourced after systemd-env.sh's sdenv_setup by the e2e scripts that run `crampd run` in the
# foreground against the real journald, on private paths under $SDENV_TMP/NAME (follow-up.sh,
# ctl-journal.sh):
#
#   source Tests/e2e/lib/journal-daemon.sh NAME
#   cat >"$work/config/crampd/config.toml" <<'TOML' … TOML
#   start_daemon; …; stop_daemon          # stopped at exit too, by its PID
#
# Sets $crampd ($CRAMPD_BINARY runs another build, say one without a fix) and $work; exports
# XDG_CONFIG_HOME, XDG_STATE_HOME, CRAMPD_SOCKET and TZ=UTC; the daemon's stderr goes to $work/daemon.log.
crampd="${CRAMPD_BINARY:-$(pwd)/.build/debug/crampd}"
work="$SDENV_TMP/$1"
mkdir -p "$work/config/crampd" "$work/state" "$work/run"
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" CRAMPD_SOCKET="$work/run/ctl.sock" TZ=UTC
unset CRAMPD_NO_JOURNAL
pid=
# Never fails: under set -e a daemon's exit status (or a daemon already gone) must not end the test.
stop_daemon() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=; }
sdenv_on_exit "stop_daemon"
start_daemon() {
    "$crampd" run 2>>"$work/daemon.log" & pid=$!
    # Answering ctl means start-up is over (signal handlers included), so a stop is a clean one.
    sdenv_wait_for 10 "$crampd" ctl status >/dev/null 2>&1 || { cat "$work/daemon.log" >&2; sdenv_fail "the daemon did not answer"; }
}
