#!/usr/bin/env bash
# crampd.service and crampd.socket: the catalog matches the MESSAGE_IDs, both units pass
# `systemd-analyze --user verify`, the service's sandbox scores 2.0 or lower, and with a
# stand-in for the daemon (lib/crampd-standin.py) installed by systemd/install.sh into a
# temporary prefix, the units start through a real `systemd --user`, the sandbox lets through
# everything crampd needs (and nothing it must not reach), reload and stop work, and
# uninstall leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
source Tests/e2e/lib/systemd-env.sh

max_exposure=2.0
step() { printf '== %s\n' "$*"; }
# Prints what systemd and the journal know about the service, then fails.
diagnose_fail() {
    systemctl --user status crampd.service crampd.socket --no-pager >&2 || true
    journalctl --no-pager -n 40 -o short-precise _SYSTEMD_UNIT=crampd.service + SYSLOG_IDENTIFIER=crampd-standin \
        + _COMM=systemd >&2 || true
    sdenv_fail "$@"
}

step "catalog covers every JournalMessageID and nothing else"
swift_ids=$(grep -oE '"[0-9a-f]{32}"' Sources/CrampDaemon/JournalMessageID.swift | tr -d '"' | sort)
catalog_ids=$(grep -oE '^-- [0-9a-f]{32}' systemd/crampd.catalog | cut -c4- | sort)
[ -n "$swift_ids" ] || sdenv_fail "no ids found in JournalMessageID.swift"
[ "$swift_ids" = "$catalog_ids" ] || sdenv_fail "catalog and JournalMessageID.swift differ: $(diff <(echo "$swift_ids") <(echo "$catalog_ids") | tr '\n' ' ')"
[ "$(echo "$swift_ids" | uniq -d)" = "" ] || sdenv_fail "duplicate MESSAGE_ID"
catalog_root=$(mktemp -d)
sdenv_on_exit "rm -rf '$catalog_root'"
mkdir -p "$catalog_root/usr/lib/systemd/catalog"
cp systemd/crampd.catalog "$catalog_root/usr/lib/systemd/catalog/"
journalctl --root="$catalog_root" --update-catalog
listed=$(journalctl --root="$catalog_root" --list-catalog | grep -c ' crampd: ' || true)
[ "$listed" = "$(echo "$swift_ids" | wc -l)" ] || sdenv_fail "journalctl --update-catalog accepted $listed entries"
echo "catalog: $listed entries"

sdenv_setup
sdenv_require_unit_absent crampd.service crampd.socket

step "install.sh strips the binary it installs"
# A small ELF with symbols, installed into a throw-away prefix, home and runtime directory.
strip_dir=$(mktemp -d)
sdenv_on_exit "rm -rf '$strip_dir'"
printf 'int main(void) { return 0; }\n' | cc -g -x c - -o "$strip_dir/crampd"
readelf -S "$strip_dir/crampd" | grep -q '\.symtab' || sdenv_fail "the test binary has no symbols to strip"
HOME="$strip_dir/home" XDG_CONFIG_HOME="$strip_dir/home/.config" XDG_RUNTIME_DIR="$strip_dir/run" \
    systemd/install.sh install --prefix "$strip_dir/prefix" --binary "$strip_dir/crampd" --no-start >/dev/null
readelf -S "$strip_dir/prefix/bin/crampd" | grep -q '\.symtab' && sdenv_fail "install.sh installed an unstripped binary"
"$strip_dir/prefix/bin/crampd" || sdenv_fail "the stripped binary does not run"
echo "stripped: $(stat -c %s "$strip_dir/crampd") -> $(stat -c %s "$strip_dir/prefix/bin/crampd") bytes"
# Also on failure: the runtime directory outlives the service (RuntimeDirectoryPreserve=yes).
[ -e "$XDG_RUNTIME_DIR/crampd" ] || sdenv_on_exit "rm -rf '$XDG_RUNTIME_DIR/crampd'"

step "install with a stand-in daemon into $SDENV_PREFIX"
state_dir="${XDG_STATE_HOME:-$HOME/.local/state}/crampd"
config_dir="${XDG_CONFIG_HOME:-$HOME/.config}/crampd"
# With a reused user manager these are the real directories: remove what the test creates.
sdenv_remove_at_exit_if_new "$state_dir"
sdenv_remove_at_exit_if_new "$config_dir"
sdenv_remove_at_exit_if_new "${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
standin="$SDENV_TMP/build/crampd"
install -D -m 755 Tests/e2e/lib/crampd-standin.py "$standin"
# The stand-in reports whether it can see this file; the sandbox must hide it.
secret="$SDENV_TMP/secret"
echo secret >"$secret"
systemctl --user set-environment CRAMPD_STANDIN_SECRET="$secret"
sdenv_on_exit "systemctl --user unset-environment CRAMPD_STANDIN_SECRET"
# A session bus stand-in: a listening socket at %t/bus, unless a real bus is there.
if [ ! -S "$XDG_RUNTIME_DIR/bus" ]; then
    /usr/bin/python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(8)
time.sleep(120)' "$XDG_RUNTIME_DIR/bus" &
    bus_pid=$!
    sdenv_on_exit "kill $bus_pid; rm -f '$XDG_RUNTIME_DIR/bus'"
    sdenv_wait_for 5 test -S "$XDG_RUNTIME_DIR/bus" || sdenv_fail "bus stand-in did not start"
fi
# `make install` as the README says, with a stand-in for swift whose "release build" is the
# stand-in daemon: this tests the Makefile's install and uninstall without a release build.
fake_swift="$SDENV_TMP/build/swift"
cat >"$fake_swift" <<'SWIFT'
#!/bin/sh
case " $* " in *" --show-bin-path "*) dirname "$STANDIN" ;; esac
SWIFT
chmod +x "$fake_swift"
sdenv_on_exit "make -s uninstall PREFIX='$SDENV_PREFIX'"
STANDIN=$standin make -s install SWIFT="$fake_swift" PREFIX="$SDENV_PREFIX" || diagnose_fail "make install failed"
unit_dir=$(dirname "$(grep -m1 '/crampd.service$' "$SDENV_PREFIX/share/crampd/installed-files")")
echo "units in $unit_dir"
grep -q "^ExecStart=$SDENV_PREFIX/bin/crampd run$" "$unit_dir/crampd.service" || sdenv_fail "ExecStart not rewritten"
grep -q "^BindReadOnlyPaths=$SDENV_PREFIX/bin/crampd$" "$unit_dir/crampd.service" || sdenv_fail "binary not bound into the sandbox"

step "systemd-analyze verify and security"
# --man=no: the man pages are not on man's path for a temporary prefix.
systemd-analyze --user verify --man=no "$unit_dir/crampd.socket" "$unit_dir/crampd.service"
exposure=$(systemd-analyze --user security --offline=true "$root/systemd/crampd.service" 2>&1 \
    | sed -n 's/.*Overall exposure level for crampd.service: \([0-9.]*\).*/\1/p')
[ -n "$exposure" ] || sdenv_fail "systemd-analyze security printed no exposure level"
echo "exposure: $exposure (limit $max_exposure)"
awk -v e="$exposure" -v m="$max_exposure" 'BEGIN { exit !(e <= m) }' || sdenv_fail "exposure $exposure is above $max_exposure"

step "started through systemctl --user"
sdenv_wait_for 15 systemctl --user is-active --quiet crampd.service || diagnose_fail "crampd.service did not become active"
systemctl --user is-active --quiet crampd.socket || sdenv_fail "crampd.socket is not active"
status=$(systemctl --user status crampd.service --no-pager 2>&1 || true)
echo "$status" | grep -q 'Active: active (running)' || sdenv_fail "not active (running): $status"
echo "$status" | grep -q 'Status: "stand-in ready' || sdenv_fail "no STATUS line: $status"
[ -S "$XDG_RUNTIME_DIR/crampd/ctl.sock" ] || sdenv_fail "no socket at $XDG_RUNTIME_DIR/crampd/ctl.sock"
[ "$(stat -c %a "$XDG_RUNTIME_DIR/crampd/ctl.sock")" = 600 ] || sdenv_fail "ctl.sock is not 0600"
[ "$(stat -c %a "$XDG_RUNTIME_DIR/crampd")" = 700 ] || sdenv_fail "$XDG_RUNTIME_DIR/crampd is not 0700"

step "what the sandbox lets through"
report="$state_dir/standin-report"
sdenv_wait_for 5 test -s "$report" || sdenv_fail "no report at $report"
cat "$report"
for name in journal state config runtime listen-fd zoneinfo bus home-hidden network-denied; do
    grep -q "^$name=ok" "$report" || sdenv_fail "sandbox check $name: $(grep "^$name=" "$report" || echo missing)"
done
[ -f "$config_dir/config.d/90-standin.toml" ] || sdenv_fail "config drop-in did not reach $config_dir"
[ ! -e "$SDENV_HOME/crampd-standin-probe" ] || sdenv_fail "the service wrote to $SDENV_HOME"
[ "$(stat -c %a "$state_dir")" = 700 ] || sdenv_fail "$state_dir is not 0700"
main_pid=$(systemctl --user show -p MainPID --value crampd.service)
if [ -n "$(journalctl --no-pager -q -n 1 2>/dev/null)" ]; then
    sdenv_wait_journal 5 -t crampd-standin CRAMPD_STANDIN=journal _PID="$main_pid" \
        || sdenv_fail "the stand-in's journal entry did not arrive"
else
    echo "journal: not readable by $(id -un) (not in group systemd-journal); relying on the stand-in's journal=ok"
fi
reply=$(/usr/bin/python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX); s.settimeout(5); s.connect(sys.argv[1]); s.sendall(b"ping\n"); print(s.recv(64).decode().strip())' \
    "$XDG_RUNTIME_DIR/crampd/ctl.sock")
[ "$reply" = pong ] || sdenv_fail "control socket answered '$reply'"

step "reload, restart and stop"
systemctl --user reload crampd.service   # ExecReload= runs `crampd ctl reload` in the sandbox
sdenv_wait_for 5 grep -q '^reloads=1' "$report" || sdenv_fail "reload did not reach the daemon"
systemctl --user is-active --quiet crampd.service || sdenv_fail "not active after reload"
systemctl --user restart crampd.service
sdenv_wait_for 15 systemctl --user is-active --quiet crampd.service || sdenv_fail "not active after restart"
[ "$(systemctl --user show -p MainPID --value crampd.service)" != "$main_pid" ] || sdenv_fail "restart kept the old process"
[ -S "$XDG_RUNTIME_DIR/crampd/ctl.sock" ] || sdenv_fail "ctl.sock gone after restart"
systemctl --user stop crampd.service 2>/dev/null  # warns that the socket can activate it again
systemctl --user is-active --quiet crampd.service && sdenv_fail "still active after stop"
[ -S "$XDG_RUNTIME_DIR/crampd/ctl.sock" ] || sdenv_fail "stopping the service removed the socket unit's ctl.sock"
result=$(systemctl --user show -p Result --value crampd.service)
[ "$result" = success ] || sdenv_fail "stop result: $result"

step "uninstall"
make -s uninstall PREFIX="$SDENV_PREFIX"
[ ! -e "$unit_dir/crampd.service" ] || sdenv_fail "unit left behind"
[ ! -e "$SDENV_PREFIX/bin/crampd" ] || sdenv_fail "binary left behind"
left=$(find "$SDENV_PREFIX/bin" "$SDENV_PREFIX/share" -mindepth 1 2>/dev/null || true)
[ -z "$left" ] || sdenv_fail "left behind: $left"
systemctl --user is-active --quiet crampd.socket && sdenv_fail "socket still active after uninstall"
[ ! -e "$XDG_RUNTIME_DIR/crampd" ] || sdenv_fail "$XDG_RUNTIME_DIR/crampd left behind after uninstall"
echo "units.sh: ok"
