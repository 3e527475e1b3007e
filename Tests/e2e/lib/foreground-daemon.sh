# Sourced by the e2e scripts that run `crampd run` in the foreground with temporary XDG
# directories under $work (set it first): no journal, so every entry is a line in $log.
# Sets $diary and $log, and fail/ok, which count failures in $failures.
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_RUNTIME_DIR="$work/run" CRAMPD_NO_JOURNAL=1 TZ=UTC
unset CRAMPD_SOCKET
mkdir -p "$XDG_CONFIG_HOME/crampd" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
diary="$XDG_STATE_HOME/crampd/diary.sqlite"
log="$work/daemon.log"
failures=0
fail() { echo "FAIL $*"; failures=$((failures+1)); }
ok() { echo "ok   $*"; }
