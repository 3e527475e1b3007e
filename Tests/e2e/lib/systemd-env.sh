# shellcheck shell=bash
# Real systemd for end-to-end tests: a systemd-journald and a `systemd --user` manager,
# reused when already running, otherwise started here and stopped again at exit (by PID).
#
#   source "$(dirname "$0")/lib/systemd-env.sh"
#   sdenv_setup                            # journald + user manager + temp dirs + exit trap
#   sdenv_require_unit_absent crampd.service crampd.socket   # skip beside a real install
#   sdenv_on_exit "make -s uninstall PREFIX='$SDENV_PREFIX'"   # registered first: runs on failure too
#   make install PREFIX="$SDENV_PREFIX"    # units land on the manager's search path
#   sdenv_wait_for 10 systemctl --user is-active --quiet crampd.service || sdenv_fail "not active"
#   sdenv_remove_at_exit_if_new "${XDG_STATE_HOME:-$HOME/.local/state}/crampd"
#   sdenv_wait_journal 5 -t crampd CRAMPD_REMINDER=water || sdenv_fail "no reminder"
#   sdenv_journal -t crampd -o json          # entries written since sdenv_setup only
#
# After sdenv_setup:
#   SDENV_TMP     a private directory under $HOME for this run (removed at exit); under $HOME,
#                 not /tmp, because the service's PrivateTmp= would hide /tmp from it
#   SDENV_HOME    the home directory of this run's user manager ($SDENV_TMP/home): %h in
#                 units, so nothing touches the real ~/.config or ~/.local
#   SDENV_PREFIX  $SDENV_HOME/.local, the default install prefix as the manager sees it
#                 (its share/systemd/user is on the unit search path)
#   XDG_RUNTIME_DIR  exported; with an own manager also XDG_CONFIG_HOME, XDG_DATA_HOME and
#                 XDG_STATE_HOME, pointing into SDENV_HOME, so systemctl --user (enable) and the
#                 test agree with the manager; HOME itself stays, so swift build keeps its caches.
#                 With a reused manager they stay as they were, SDENV_HOME is the real $HOME
#                 and SDENV_PREFIX is $SDENV_TMP/prefix (units then go to ~/.config/systemd/user).
#   SDENV_OWN_MANAGER, SDENV_OWN_JOURNALD  1 when this run started it
#
# Runs of scripts using this library are serialized by a lock (they share fixed paths such
# as $XDG_RUNTIME_DIR/crampd); waiting for it is bounded. Everything else is bounded too.
# Quirks of this machine (see DESIGN.md): journald tags user units with _SYSTEMD_UNIT, so
# filter the journal with -t crampd or CRAMPD_* fields; a stopped manager leaves
# $XDG_RUNTIME_DIR/systemd/private behind, so liveness is asked of the manager, never of files.

SDENV_LOCK_DIR=/run/lock
SDENV_E2E_LOCK="$SDENV_LOCK_DIR/crampd-e2e.lock"
# Shared with Tests/SystemdTests/Support/Journald.swift.
SDENV_JOURNALD_LOCK="$SDENV_LOCK_DIR/crampd-journald.lock"
SDENV_JOURNALD_BIN=${SDENV_JOURNALD_BIN:-/lib/systemd/systemd-journald}
SDENV_SYSTEMD_BIN=${SDENV_SYSTEMD_BIN:-/lib/systemd/systemd}

SDENV_OWN_JOURNALD=0
SDENV_OWN_MANAGER=0
SDENV_JOURNALD_PID=
SDENV_MANAGER_PID=
SDENV_TMP=
SDENV_PREFIX=
SDENV_HOME=
SDENV_EXIT_HOOKS=()
SDENV_CREATED_DIRS=()
SDENV_CLEANED=0
SDENV_RUNTIME_BEFORE=
SDENV_START_SECONDS=

sdenv_log() { printf 'sdenv: %s\n' "$*" >&2; }

# Prints the message and exits non-zero; the exit trap cleans up.
sdenv_fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}

# Prints why the test cannot run here and exits successfully; the exit trap cleans up.
sdenv_skip() {
    printf 'SKIP: %s\n' "$*" >&2
    exit 0
}

# sdenv_require_unit_absent UNIT...: skips the test when a reused user manager already knows
# UNIT (a developer's real crampd install), which installing and uninstalling would replace.
sdenv_require_unit_absent() {
    [ "$SDENV_OWN_MANAGER" = 1 ] && return 0
    local unit state
    for unit in "$@"; do
        state=$(systemctl --user show -p LoadState --value "$unit" 2>/dev/null || true)
        if [ -n "$state" ] && [ "$state" != not-found ]; then
            sdenv_skip "$unit is installed for $(id -un) and this test would replace it; run it where no user manager runs, or uninstall crampd first"
        fi
    done
}

# sdenv_wait_for SECONDS COMMAND...: runs COMMAND every 0.1 s until it succeeds; fails after SECONDS.
sdenv_wait_for() {
    local seconds=$1; shift
    local deadline=$((SECONDS + seconds))
    while true; do
        "$@" >/dev/null 2>&1 && return 0
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.1
    done
}

# sdenv_on_exit COMMAND: runs COMMAND (a string, through eval) at exit, last registered first,
# before the managers this run started are stopped.
sdenv_on_exit() { SDENV_EXIT_HOOKS+=("$1"); }

# True when a journald accepts stream connections (writes nothing to the journal).
sdenv_journald_answers() { timeout 5 systemd-cat -t crampd-e2e-probe true >/dev/null 2>&1; }

# True when a user manager for $XDG_RUNTIME_DIR answers (its leftover socket file alone does not count).
sdenv_manager_answers() { timeout 5 systemctl --user show -p Version --value >/dev/null 2>&1; }

# mkdir -p that remembers the top-most directory it created, for removal at exit.
sdenv_mkdir_owned() {
    local dir=$1 mode=${2:-755} top=
    local probe=$dir
    while [ ! -e "$probe" ]; do top=$probe; probe=$(dirname "$probe"); done
    mkdir -p -m "$mode" "$dir" || return 1
    [ -n "$top" ] && SDENV_CREATED_DIRS+=("$top")
    return 0
}

# sdenv_remove_at_exit_if_new PATH: at exit, removes the top-most ancestor of PATH (or PATH
# itself) that does not exist yet, i.e. whatever the test creates on the way to PATH.
sdenv_remove_at_exit_if_new() {
    local probe=$1 top=
    while [ ! -e "$probe" ]; do top=$probe; probe=$(dirname "$probe"); done
    [ -n "$top" ] && sdenv_on_exit "rm -rf '$top'"
    return 0
}

# Opens a lock file read-only (any user can lock a file someone else created) into SDENV_LOCK_FD.
sdenv_open_lock() {
    [ -e "$1" ] || { : >>"$1" && chmod 644 "$1"; } 2>/dev/null
    exec {SDENV_LOCK_FD}<"$1" || sdenv_fail "Failed to open lock file $1"
}

sdenv_start_journald() {
    sdenv_open_lock "$SDENV_JOURNALD_LOCK"
    local journald_lock=$SDENV_LOCK_FD
    flock -w 60 "$journald_lock" || sdenv_fail "Failed to lock $SDENV_JOURNALD_LOCK within 60 s"
    if sdenv_journald_answers; then
        sdenv_log "reusing the running systemd-journald"
    else
        [ -x "$SDENV_JOURNALD_BIN" ] || sdenv_fail "Failed to start journald: $SDENV_JOURNALD_BIN not found (install systemd)"
        [ -e /run/systemd/journal ] || SDENV_CREATED_DIRS+=(/run/systemd/journal)
        "$SDENV_JOURNALD_BIN" </dev/null >/dev/null 2>&1 &
        SDENV_JOURNALD_PID=$!
        SDENV_OWN_JOURNALD=1
        sdenv_wait_for 10 sdenv_journald_answers || sdenv_fail "Failed to start journald: no answer on /run/systemd/journal within 10 s"
        sdenv_log "started systemd-journald (pid $SDENV_JOURNALD_PID)"
    fi
    exec {journald_lock}>&-
}

sdenv_start_user_manager() {
    sdenv_mkdir_owned /run/systemd/system 2>/dev/null \
        || sdenv_fail "Failed to create /run/systemd/system: run as root, or on a machine booted with systemd"
    export XDG_RUNTIME_DIR="/run/user/$(id -u)"
    sdenv_mkdir_owned "$XDG_RUNTIME_DIR" 700 2>/dev/null \
        || sdenv_fail "Failed to create $XDG_RUNTIME_DIR: run as root, or log in through logind"
    if sdenv_manager_answers; then
        sdenv_log "reusing the running systemd --user (units go to the real user paths)"
        return
    fi
    [ -x "$SDENV_SYSTEMD_BIN" ] || sdenv_fail "Failed to start user manager: $SDENV_SYSTEMD_BIN not found"
    # Its own home: units, state and config of this run stay inside SDENV_TMP.
    SDENV_HOME="$SDENV_TMP/home"
    SDENV_PREFIX="$SDENV_HOME/.local"
    export XDG_CONFIG_HOME="$SDENV_HOME/.config" XDG_DATA_HOME="$SDENV_HOME/.local/share" \
        XDG_STATE_HOME="$SDENV_HOME/.local/state"
    mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME"
    # What is in the runtime directory before, so cleanup removes exactly what the manager's
    # units add (dbus.socket's bus, gpg-agent's gnupg/, ...).
    SDENV_RUNTIME_BEFORE=$(ls -A "$XDG_RUNTIME_DIR")
    # A stopped manager leaves its private socket; a new one replaces it.
    HOME="$SDENV_HOME" "$SDENV_SYSTEMD_BIN" --user </dev/null >>"$SDENV_TMP/systemd-user.log" 2>&1 &
    SDENV_MANAGER_PID=$!
    SDENV_OWN_MANAGER=1
    if ! sdenv_wait_for 20 sdenv_manager_answers; then
        tail -n 20 "$SDENV_TMP/systemd-user.log" >&2
        sdenv_fail "Failed to start systemd --user: no answer within 20 s"
    fi
    sdenv_log "started systemd --user (pid $SDENV_MANAGER_PID)"
}

# Stops PID with SIGTERM, then SIGKILL after SECONDS.
sdenv_stop_pid() {
    local pid=$1 seconds=$2 name=$3
    kill -TERM "$pid" 2>/dev/null || return 0
    local deadline=$((SECONDS + seconds))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        sdenv_log "$name (pid $pid) ignored SIGTERM for $seconds s, killing it"
        kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null || true
}

sdenv_cleanup() {
    local status=$?
    [ "$SDENV_CLEANED" = 1 ] && return
    SDENV_CLEANED=1
    trap - EXIT INT TERM
    local i
    for ((i = ${#SDENV_EXIT_HOOKS[@]} - 1; i >= 0; i--)); do
        eval "${SDENV_EXIT_HOOKS[$i]}" >/dev/null 2>&1 || sdenv_log "exit hook failed: ${SDENV_EXIT_HOOKS[$i]}"
    done
    if [ "$status" != 0 ] && [ "$SDENV_OWN_MANAGER" = 1 ] && [ -s "$SDENV_TMP/systemd-user.log" ]; then
        sdenv_log "last lines of the user manager's log:"
        tail -n 25 "$SDENV_TMP/systemd-user.log" >&2
    fi
    if [ "$SDENV_OWN_MANAGER" = 1 ]; then
        # SIGTERM makes a user manager start exit.target: it stops every unit, then exits.
        sdenv_stop_pid "$SDENV_MANAGER_PID" 20 "systemd --user"
        local entry
        while IFS= read -r entry; do
            [ -n "$entry" ] || continue
            grep -qxF -- "$entry" <<<"$SDENV_RUNTIME_BEFORE" || rm -rf "${XDG_RUNTIME_DIR:?}/$entry"
        done < <(ls -A "$XDG_RUNTIME_DIR")
        rm -rf "$XDG_RUNTIME_DIR/systemd"
    fi
    if [ "$SDENV_OWN_JOURNALD" = 1 ]; then
        sdenv_stop_pid "$SDENV_JOURNALD_PID" 10 systemd-journald
    fi
    if [ "$SDENV_OWN_MANAGER" = 1 ]; then
        # swift build (make install) honours XDG_CONFIG_HOME and leaves a lock file for it in /tmp.
        local swiftpm_lock
        swiftpm_lock="/tmp/$(printf '%s' "$XDG_CONFIG_HOME/swiftpm" | tr / _).lock"
        rm -f "$swiftpm_lock"
    fi
    [ -n "$SDENV_TMP" ] && rm -rf "$SDENV_TMP"
    for ((i = ${#SDENV_CREATED_DIRS[@]} - 1; i >= 0; i--)); do
        local dir=${SDENV_CREATED_DIRS[$i]}
        case "$dir" in
            # Other runs may have started a journald or manager meanwhile; leave what they use.
            /run/systemd/journal) sdenv_journald_answers || rm -rf "$dir" ;;
            /run/systemd/system) sdenv_manager_answers || rmdir "$dir" 2>/dev/null ;;
            /run/user/*) sdenv_manager_answers || rm -rf "$dir" ;;
            *) rm -rf "$dir" ;;
        esac
    done
    exit "$status"
}

# sdenv_journal JOURNALCTL-ARGS...: journalctl over the entries written since sdenv_setup
# (to the second), so entries of earlier runs do not match. (--after-cursor misses entries
# here when journald was restarted in between.)
sdenv_journal() {
    journalctl --no-pager -q --since="@$SDENV_START_SECONDS" "$@"
}

# sdenv_wait_journal SECONDS JOURNALCTL-ARGS...: waits until sdenv_journal finds an entry
# (journald writes asynchronously).
sdenv_wait_journal() {
    local seconds=$1; shift
    sdenv_wait_for "$seconds" sdenv_journal_has "$@"
}
sdenv_journal_has() { [ -n "$(sdenv_journal -o cat "$@" 2>/dev/null)" ]; }

# Sets up journald, the user manager and the temporary directories, and arms the exit trap.
sdenv_setup() {
    mkdir -p "$SDENV_LOCK_DIR"
    sdenv_open_lock "$SDENV_E2E_LOCK"
    SDENV_E2E_LOCK_FD=$SDENV_LOCK_FD
    if ! flock -w 600 "$SDENV_E2E_LOCK_FD"; then
        sdenv_fail "Failed to lock $SDENV_E2E_LOCK: another end-to-end run held it for 10 minutes"
    fi
    trap sdenv_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    SDENV_TMP=$(mktemp -d "$HOME/.crampd-e2e.XXXXXX") || sdenv_fail "Failed to create a temporary directory in $HOME"
    SDENV_HOME=$HOME
    SDENV_PREFIX="$SDENV_TMP/prefix"
    sdenv_start_journald
    SDENV_START_SECONDS=$(date +%s)
    sdenv_start_user_manager
}

# For scripts that install crampd with `make install PREFIX="$SDENV_PREFIX"`: sdenv_setup, skip when a
# real crampd is installed, and at exit uninstall and remove the config, state and runtime directories
# the test created. Sets config_dir and state_dir.
sdenv_setup_for_install() {
    sdenv_setup
    sdenv_require_unit_absent crampd.service crampd.socket
    config_dir="${XDG_CONFIG_HOME:-$HOME/.config}/crampd"
    state_dir="${XDG_STATE_HOME:-$HOME/.local/state}/crampd"
    sdenv_remove_at_exit_if_new "$config_dir"
    sdenv_remove_at_exit_if_new "$state_dir"
    [ -e "$XDG_RUNTIME_DIR/crampd" ] || sdenv_on_exit "rm -rf '$XDG_RUNTIME_DIR/crampd'"
    sdenv_on_exit "make -s uninstall PREFIX='$SDENV_PREFIX'"
}
