# shellcheck shell=bash
# Sourced after systemd-env.sh's sdenv_setup by the e2e scripts that run `crampd run` in the
# foreground against the real journald, on private paths under $SDENV_TMP/NAME:
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
stop_daemon() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; pid=; }
sdenv_on_exit "stop_daemon"
start_daemon() {
    rm -f "$CRAMPD_SOCKET"
    "$crampd" run 2>>"$work/daemon.log" & pid=$!
    sdenv_wait_for 10 test -S "$CRAMPD_SOCKET" || sdenv_fail "the daemon did not open its socket"
}
