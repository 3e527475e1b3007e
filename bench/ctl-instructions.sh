#!/usr/bin/env bash
# Load-independent figures for `crampd ctl status` (issue 15): instructions of the whole
# client process (valgrind --tool=callgrind) and minor page faults (GNU time, median of 21),
# against a running `crampd run` with the default config; `systemctl --version` for scale.
# Wall-clock timings (bench/ctl.sh) need a quiet machine; these do not.
#
# Usage: bench/ctl-instructions.sh [SERVER_BIN [NAME=CLIENT_BIN [ARGS…]]…]
#   SERVER_BIN  the daemon (default: release, static stdlib, in .build-bench/ as bench/ctl.sh builds it)
#   NAME=…      clients to count, each run as `CLIENT_BIN ARGS --socket SOCK`
#               (default: the server binary itself with `ctl status`)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
    server=$1; shift
else
    swift build -c release --static-swift-stdlib --product crampd --scratch-path .build-bench >&2
    server=.build-bench/release/crampd
fi
[ $# -ge 1 ] || set -- "crampd=$server ctl status"
tmp=$(mktemp -d /tmp/crampd-ctl-ir.XXXXXX)
sock=$tmp/runtime/crampd/ctl.sock
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p -m 700 "$tmp/runtime" "$tmp/config/crampd" "$tmp/state"
cp config/crampd.toml "$tmp/config/crampd/config.toml"
# Copies, as `make install` leaves them (a fresh copy faults in fewer pages than the linker's output).
install -m 755 "$server" "$tmp/server"
XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state XDG_RUNTIME_DIR=$tmp/runtime CRAMPD_SOCKET=$sock CRAMPD_NO_JOURNAL=1 \
    "$tmp/server" run >"$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 300); do [ -S "$sock" ] && break; sleep 0.1; done
[ -S "$sock" ] || { echo "Failed to start the server: no socket at $sock" >&2; cat "$tmp/server.log" >&2; exit 1; }

instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$tmp/callgrind.out" "$@" >/dev/null 2>&1
    awk '/^summary:/ { print $2 }' "$tmp/callgrind.out"
}
faults() { for _ in $(seq 21); do /usr/bin/time -f %R "$@" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 11p; }

echo "# $(date -u '+%F %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for spec in "$@"; do
    name=${spec%%=*}; command=${spec#*=}
    bin=${command%% *}; args=${command#"$bin"}
    install -m 755 "$bin" "$tmp/client-$name"
    # shellcheck disable=SC2086  # ARGS are words
    set -- "$tmp/client-$name" $args --socket "$sock"
    "$@" >/dev/null || { echo "Failed to run $name:" >&2; "$@"; exit 1; }
    echo "$name: instructions $(instructions "$@"), minor page faults $(faults "$@"), binary $(stat -c %s "$bin") bytes"
done
echo "systemctl --version: instructions $(instructions systemctl --version), minor page faults $(faults systemctl --version)"
