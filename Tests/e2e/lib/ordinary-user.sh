# shellcheck shell=bash
# An ordinary (non-root) user with its own `systemd --user`, as a real login gives one: a user
# account, /run/user/UID, and a cgroup delegated to it as user@.service does (DESIGN.md,
# "Real users are not root"). For end-to-end tests run as root; everything is bounded.
#
#   source "$(dirname "$0")/lib/ordinary-user.sh"
#   sdenv_on_exit ou_cleanup                 # or: trap ou_cleanup EXIT; registered first, so a
#                                            # half-made user is removed too
#   ou_start crampd-e2e                      # user, runtime dir, cgroup, systemd --user answering
#   ou_systemctl enable --now crampd.socket  # systemctl --user as that user
#   ou_run crampd ctl status                 # any command as that user, in its home, with its
#                                            # HOME USER LOGNAME PATH XDG_RUNTIME_DIR (and
#                                            # DBUS_SESSION_BUS_ADDRESS when its manager runs a bus)
#   ou_cleanup                               # stops the manager by PID, removes the cgroup, the
#                                            # runtime dir and the user (userdel -r); idempotent
#
# After ou_start: OU_USER OU_UID OU_HOME OU_RUNTIME_DIR OU_CGROUP OU_MANAGER_PID, and the
# manager's output in OU_LOG. OU_RUN_TIMEOUT (default 60 s) bounds each ou_run.
# A user left behind by a killed run is recognised by its comment and removed first; any other
# existing user of that name is refused, never touched.
# Needs root, util-linux (setsid, runuser), passwd (useradd, userdel) and a cgroup v2 hierarchy
# (/sys/fs/cgroup or, on hybrid machines like this one, /sys/fs/cgroup/unified).

OU_COMMENT="crampd end-to-end test user (safe to remove)"
OU_SYSTEMD_BIN=${OU_SYSTEMD_BIN:-/lib/systemd/systemd}
OU_RUN_TIMEOUT=${OU_RUN_TIMEOUT:-60}
OU_USER=
OU_UID=
OU_HOME=
OU_RUNTIME_DIR=
OU_CGROUP=
OU_CGROUP_TOP=
OU_MANAGER_PID=
OU_RUNUSER_PID=
OU_LOG=
OU_CREATED_SYSTEMD_DIR=0

ou_log() { printf 'ordinary-user: %s\n' "$*" >&2; }
ou_die() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}

# The cgroup v2 mount: the whole tree, or its unified part on a hybrid (v1 + v2) machine.
ou_cgroup2_root() {
    if [ "$(stat -fc %T /sys/fs/cgroup 2>/dev/null)" = cgroup2fs ]; then
        echo /sys/fs/cgroup
    elif [ "$(stat -fc %T /sys/fs/cgroup/unified 2>/dev/null)" = cgroup2fs ]; then
        echo /sys/fs/cgroup/unified
    else
        return 1
    fi
}

# The environment a login gives the user, for env -i.
ou_environment() {
    local bus=()
    [ -S "$OU_RUNTIME_DIR/bus" ] && bus=("DBUS_SESSION_BUS_ADDRESS=unix:path=$OU_RUNTIME_DIR/bus")
    printf '%s\n' "HOME=$OU_HOME" "USER=$OU_USER" "LOGNAME=$OU_USER" "SHELL=/bin/bash" \
        "PATH=/usr/local/bin:/usr/bin:/bin" "LANG=C.UTF-8" "XDG_RUNTIME_DIR=$OU_RUNTIME_DIR" "${bus[@]}"
}

# ou_run COMMAND...: runs COMMAND as the user, in its home, bounded by OU_RUN_TIMEOUT seconds.
ou_run() {
    [ -n "$OU_USER" ] || ou_die "ou_run before ou_start"
    local env=()
    mapfile -t env < <(ou_environment)
    (cd "$OU_HOME" && timeout -k 5 "$OU_RUN_TIMEOUT" runuser -u "$OU_USER" -- env -i "${env[@]}" "$@")
}

# ou_systemctl ARGS...: systemctl --user ARGS as the user, against its own manager.
ou_systemctl() { ou_run systemctl --user "$@"; }

# True when the user's manager answers (its leftover private socket alone does not count).
ou_manager_answers() { OU_RUN_TIMEOUT=5 ou_run systemctl --user show -p Version --value >/dev/null 2>&1; }

# ou_wait SECONDS COMMAND...: runs COMMAND every 0.1 s until it succeeds; fails after SECONDS.
ou_wait() {
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.1
    done
}

# ou_stop_pid PID SECONDS: SIGTERM, then SIGKILL after SECONDS.
ou_stop_pid() {
    local pid=$1 deadline=$((SECONDS + $2))
    kill -TERM "$pid" 2>/dev/null || return 0
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        ou_log "pid $pid ignored SIGTERM for $2 s, killing it"
        kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null || true
}

# Kills whatever still runs in the user's cgroup (by the PIDs listed there), then removes the
# cgroup directories, deepest first, up to the top-most one ou_start created.
ou_remove_cgroup() {
    [ -n "$OU_CGROUP" ] && [ -d "$OU_CGROUP" ] || return 0
    local pids pid tries
    for tries in 1 2 3 4 5 6 7 8 9 10; do
        pids=$(find "$OU_CGROUP" -name cgroup.procs -exec cat {} + 2>/dev/null)
        [ -z "$pids" ] && break
        for pid in $pids; do kill -KILL "$pid" 2>/dev/null; done
        sleep 0.2
    done
    find "$OU_CGROUP" -depth -type d -exec rmdir {} \; 2>/dev/null
    local dir=$OU_CGROUP
    while [ -n "$OU_CGROUP_TOP" ] && [ "$dir" != "$(dirname "$OU_CGROUP_TOP")" ]; do
        if [ -d "$dir" ]; then rmdir "$dir" 2>/dev/null || break; fi
        dir=$(dirname "$dir")
    done
    [ -d "$OU_CGROUP" ] && ou_log "Failed to remove the cgroup $OU_CGROUP: processes still in it"
    return 0
}

# Removes a user left behind by a killed run (recognised by its comment); refuses any other.
ou_remove_stale_user() {
    local name=$1 entry
    entry=$(getent passwd "$name") || return 0
    [ "$(cut -d: -f5 <<<"$entry")" = "$OU_COMMENT" ] \
        || ou_die "Failed to create user $name: it exists and is not a crampd test user; choose another name"
    ou_log "removing $name, left behind by an earlier run"
    OU_USER=$name OU_UID=$(cut -d: -f3 <<<"$entry") OU_HOME=$(cut -d: -f6 <<<"$entry")
    OU_RUNTIME_DIR=/run/user/$OU_UID
    local root
    root=$(ou_cgroup2_root) && OU_CGROUP="$root/user.slice/user-$OU_UID.slice/user@$OU_UID.service"
    OU_CGROUP_TOP=$OU_CGROUP
    ou_cleanup
}

# ou_start NAME: creates the user and starts its manager; fails (after cleaning up what it made,
# through ou_cleanup) when the manager does not answer within 20 s.
ou_start() {
    local name=$1 root
    [ "$(id -u)" = 0 ] || ou_die "ou_start needs root (useradd, cgroup delegation)"
    [ -x "$OU_SYSTEMD_BIN" ] || ou_die "Failed to start a user manager: $OU_SYSTEMD_BIN not found (install systemd)"
    root=$(ou_cgroup2_root) || ou_die "Failed to delegate a cgroup: no cgroup v2 hierarchy at /sys/fs/cgroup or /sys/fs/cgroup/unified"
    ou_remove_stale_user "$name"

    useradd --create-home --user-group --shell /bin/bash --comment "$OU_COMMENT" "$name" \
        || ou_die "Failed to create user $name"
    OU_USER=$name
    OU_UID=$(id -u "$name")
    OU_HOME=$(getent passwd "$name" | cut -d: -f6)
    OU_RUNTIME_DIR=/run/user/$OU_UID
    # What pam_systemd and logind make at login.
    mkdir -p -m 700 "$OU_RUNTIME_DIR" && chown "$name:" "$OU_RUNTIME_DIR" \
        || ou_die "Failed to create $OU_RUNTIME_DIR"
    if [ ! -d /run/systemd/system ]; then
        mkdir -p /run/systemd/system && OU_CREATED_SYSTEMD_DIR=1
    fi
    # What user@.service gives it: a cgroup of its own (Delegate=yes).
    OU_CGROUP="$root/user.slice/user-$OU_UID.slice/user@$OU_UID.service"
    local probe=$OU_CGROUP
    while [ ! -e "$probe" ]; do OU_CGROUP_TOP=$probe; probe=$(dirname "$probe"); done
    mkdir -p "$OU_CGROUP" && chown -R "$name:" "$OU_CGROUP" || ou_die "Failed to create the cgroup $OU_CGROUP"

    OU_LOG=$(mktemp /tmp/crampd-ou-manager.XXXXXX.log)
    local env=()
    mapfile -t env < <(ou_environment)
    # The shell moves itself into the cgroup, then becomes runuser, whose child is the manager.
    setsid bash -c 'echo $$ >"$1/cgroup.procs" && cd "$2" && shift 2 && exec "$@"' ou-start \
        "$OU_CGROUP" "$OU_HOME" runuser -u "$name" -- env -i "${env[@]}" "$OU_SYSTEMD_BIN" --user \
        </dev/null >>"$OU_LOG" 2>&1 &
    OU_RUNUSER_PID=$!
    ou_wait 10 pgrep -P "$OU_RUNUSER_PID" || { tail -n 20 "$OU_LOG" >&2; ou_die "Failed to start systemd --user for $name: no manager process within 10 s"; }
    OU_MANAGER_PID=$(pgrep -P "$OU_RUNUSER_PID" | head -n 1)
    if ! ou_wait 20 ou_manager_answers; then
        tail -n 20 "$OU_LOG" >&2
        ou_die "Failed to start systemd --user for $name: no answer within 20 s"
    fi
    ou_log "started systemd --user for $name (uid $OU_UID, pid $OU_MANAGER_PID)"
}

# Stops the manager by its PID, then removes the cgroup, the runtime directory and the user.
# Safe to call twice and after a partial ou_start.
ou_cleanup() {
    [ -n "$OU_USER" ] || return 0
    # SIGTERM makes a user manager start exit.target: it stops every unit, then exits.
    [ -n "$OU_MANAGER_PID" ] && ou_stop_pid "$OU_MANAGER_PID" 20
    [ -n "$OU_RUNUSER_PID" ] && ou_stop_pid "$OU_RUNUSER_PID" 5
    ou_remove_cgroup
    [ -n "$OU_RUNTIME_DIR" ] && rm -rf "$OU_RUNTIME_DIR"
    if getent passwd "$OU_USER" >/dev/null; then
        # userdel refuses while the user has processes; ou_run's are bounded, so wait for them.
        ou_wait 10 sh -c "! pgrep -u '$OU_USER' >/dev/null" || ou_log "processes of $OU_USER still run: $(pgrep -u "$OU_USER" | tr '\n' ' ')"
        userdel --remove "$OU_USER" 2>/dev/null || ou_log "Failed to remove user $OU_USER: userdel --remove failed"
        getent group "$OU_USER" >/dev/null && groupdel "$OU_USER" 2>/dev/null
    fi
    [ "$OU_CREATED_SYSTEMD_DIR" = 1 ] && rmdir /run/systemd/system 2>/dev/null
    [ -n "$OU_LOG" ] && rm -f "$OU_LOG"
    OU_USER= OU_MANAGER_PID= OU_RUNUSER_PID= OU_CGROUP= OU_CGROUP_TOP= OU_CREATED_SYSTEMD_DIR=0
    return 0
}
