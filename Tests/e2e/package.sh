#!/usr/bin/env bash
# The Debian package, end to end: `make deb` (reusing the release build in .build when there is
# one), lintian, `apt-get install ./crampd_*.deb`, then an ORDINARY user with its own
# `systemd --user` (delegated cgroup, lib/ordinary-user.sh): its manager starts crampd at
# "login" because the package enabled it for every user, `systemctl --user enable --now` as the
# README says, a reminder in the journal, `crampd ctl status`; then `apt-get purge` and a check
# that nothing of the package is left. The user, its cgroup and runtime dir are removed.
# Also checks packaging/ (PKGBUILD, home-manager module) as far as possible here.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
source Tests/e2e/lib/systemd-env.sh
source Tests/e2e/lib/ordinary-user.sh

step() { printf '== %s\n' "$*"; }
version=$(cat VERSION)
deb="crampd_${version}_amd64.deb"
user=crampd-e2e
[ "$(id -u)" = 0 ] || { echo "SKIP: package.sh installs a package and creates a user: run it as root"; exit 0; }
if dpkg-query -W -f='${db:Status-Abbrev}' crampd 2>/dev/null | grep -q '^[ih]'; then
    echo "SKIP: the crampd package is installed here and this test would purge it"
    exit 0
fi

step "packaging/: PKGBUILD and home-manager module"
packaging/check.sh

sdenv_setup
# What the package may touch, before: everything listed must be the same after the purge.
snapshot() {
    find /usr/bin /usr/lib/systemd/user /usr/lib/systemd/user-preset /usr/lib/systemd/catalog /etc/systemd/user \
        /usr/share/applications /usr/share/bash-completion/completions /usr/share/zsh/vendor-completions \
        /usr/share/fish/vendor_completions.d /usr/share/man/man1 /usr/share/man/man5 /usr/share/doc \
        /var/lib/systemd/deb-systemd-user-helper-enabled -maxdepth 3 2>/dev/null | sort
    journalctl --list-catalog 2>/dev/null | grep -c ' crampd: ' || true
}
before=$(snapshot)
# Registered first, so they run last: the user goes after its manager stopped crampd, and a
# failed run still purges the package.
sdenv_on_exit "! dpkg-query -W crampd >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq crampd"
sdenv_on_exit ou_cleanup

build_log="$SDENV_TMP/make-deb.log"
if [ -n "${CRAMPD_DEB:-}" ]; then
    # A package built before (make deb), e.g. while iterating on this script: lint it again.
    step "lintian $CRAMPD_DEB (CRAMPD_DEB: not rebuilt)"
    cp "$CRAMPD_DEB" "$SDENV_TMP/$deb" && deb="$SDENV_TMP/$deb"
    lintian --fail-on error "$deb" >"$build_log" 2>&1 || { cat "$build_log" >&2; sdenv_fail "lintian reported errors"; }
else
    step "make deb (release build: reused when .build has it)"
    started=$SECONDS
    # HOME stays (swift's caches); XDG_CONFIG_HOME from sdenv would move swiftpm's config, so unset it.
    if ! env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_STATE_HOME make -s deb >"$build_log" 2>&1; then
        tail -n 40 "$build_log" >&2
        sdenv_fail "make deb failed"
    fi
    echo "built $deb in $((SECONDS - started)) s"
    [ -f "$deb" ] || sdenv_fail "make deb did not produce $deb"
fi
# lintian ran with --fail-on error; show what it said.
grep -E '^[EWI]: crampd' "$build_log" || echo "lintian: no tags"
grep -qE '^E: ' "$build_log" && sdenv_fail "lintian reported errors"

step "what the package holds"
contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
for path in ./usr/bin/crampd ./usr/lib/systemd/user/crampd.service ./usr/lib/systemd/user/crampd.socket \
    ./usr/lib/systemd/user-preset/80-crampd.preset ./usr/lib/systemd/catalog/crampd.catalog \
    ./usr/share/man/man1/crampd.1.gz ./usr/share/man/man5/crampd.toml.5.gz \
    ./usr/share/bash-completion/completions/crampd ./usr/share/zsh/vendor-completions/_crampd \
    ./usr/share/fish/vendor_completions.d/crampd.fish ./usr/share/applications/crampd.desktop \
    ./usr/share/doc/crampd/README.md.gz ./usr/share/doc/crampd/changelog.gz ./usr/share/doc/crampd/copyright; do
    grep -qxF "$path" <<<"$contents" || sdenv_fail "$deb lacks $path"
done
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libsystemd0 libsqlite3-0; do
    grep -q "$library" <<<"$depends" || sdenv_fail "Depends lacks $library (dlopen'ed): $depends"
done
# The X libraries serve only the X server's idle counter: recommended, not required.
recommends=$(dpkg-deb -f "$deb" Recommends)
echo "Recommends: $recommends"
for library in libx11-6 libxext6; do
    grep -q "$library" <<<"$recommends" || sdenv_fail "Recommends lacks $library (dlopen'ed): $recommends"
    if grep -q "$library" <<<"$depends"; then sdenv_fail "Depends has $library, which crampd runs without: $depends"; fi
done
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || sdenv_fail "package version is not $version"
unpacked="$SDENV_TMP/unpacked"
dpkg-deb -x "$deb" "$unpacked"
readelf -S "$unpacked/usr/bin/crampd" | grep -q '\.symtab' && sdenv_fail "/usr/bin/crampd is not stripped"
readelf -d "$unpacked/usr/bin/crampd" | grep -q 'NEEDED.*libswiftCore' && sdenv_fail "/usr/bin/crampd links the Swift runtime dynamically"
grep -qx 'ExecStart=/usr/bin/crampd run' "$unpacked/usr/lib/systemd/user/crampd.service" || sdenv_fail "ExecStart is not /usr/bin/crampd run"
grep -q '\.local/bin' "$unpacked/usr/lib/systemd/user/crampd.service" && sdenv_fail "the packaged unit still names ~/.local/bin"
systemd-analyze --user verify --man=no "$unpacked/usr/lib/systemd/user/crampd.socket" "$unpacked/usr/lib/systemd/user/crampd.service" 2>&1 \
    | grep -v 'crampd: command not found\|Command /usr/bin/crampd is not executable' || true
echo "stripped binary: $(stat -c %s "$unpacked/usr/bin/crampd") bytes; package: $(stat -c %s "$deb") bytes; installed size: $(dpkg-deb -f "$deb" Installed-Size) KiB"

step "apt-get install ./$(basename "$deb")"
case "$deb" in /*) ;; *) deb="./$deb" ;; esac
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$SDENV_TMP/apt.log" 2>&1 || { cat "$SDENV_TMP/apt.log" >&2; sdenv_fail "apt-get install failed"; }
[ "$(/usr/bin/crampd --version)" = "$version" ] || sdenv_fail "crampd --version says $(/usr/bin/crampd --version), not $version"
# Enabled for every user, started for none (the postinst never starts anything as root).
[ -L /etc/systemd/user/default.target.wants/crampd.service ] || sdenv_fail "crampd.service is not enabled for every user"
[ -L /etc/systemd/user/sockets.target.wants/crampd.socket ] || sdenv_fail "crampd.socket is not enabled for every user"
# (Other crampd processes on a shared machine run other binaries.)
for pid in $(pgrep -x crampd || true); do
    [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = /usr/bin/crampd ] && sdenv_fail "installing the package started /usr/bin/crampd (pid $pid)"
done
# systemd's trigger on /usr/lib/systemd/catalog ran journalctl --update-catalog.
listed=$(journalctl --list-catalog | grep -c ' crampd: ' || true)
[ "$listed" -gt 0 ] || sdenv_fail "the catalog is not in journalctl's database after install"
echo "catalog: $listed entries"

step "an ordinary user's login starts crampd, with 0.1.0's state and diary"
# The previous release's files (Tests/fixtures/release-0.1.0, made by crampd 0.1.0) are in the
# user's state directory before the upgraded daemon first starts.
seed_previous_release() {
    install -d -m 700 -o "$user" -g "$user" "$OU_HOME/.local" "$OU_HOME/.local/state" "$OU_HOME/.local/state/crampd"
    install -m 600 -o "$user" -g "$user" Tests/fixtures/release-0.1.0/state.json Tests/fixtures/release-0.1.0/diary.sqlite* \
        "$OU_HOME/.local/state/crampd/"
}
ou_start "$user" seed_previous_release
sdenv_wait_for 20 ou_systemctl is-active --quiet crampd.service || {
    ou_systemctl status crampd.service --no-pager >&2 || true
    sdenv_journal _UID="$OU_UID" -n 30 --no-pager >&2 || true
    sdenv_fail "the user's manager did not start crampd.service (enabled for every user)"
}
main_pid=$(ou_systemctl show -p MainPID --value crampd.service)
[ "$(stat -c %U "/proc/$main_pid")" = "$user" ] || sdenv_fail "crampd (pid $main_pid) does not run as $user"

step "systemctl --user enable --now crampd.socket crampd.service (the README's command)"
ou_systemctl enable --now crampd.socket crampd.service
ou_systemctl is-active --quiet crampd.socket || sdenv_fail "crampd.socket is not active"

step "crampd ctl status and a reminder in the journal"
status=$(ou_run crampd ctl status) || sdenv_fail "crampd ctl status failed: $status"
echo "$status" | head -n 3
grep -q "^crampd $version, pid $main_pid" <<<"$status" || sdenv_fail "status does not name crampd $version, pid $main_pid"
grep -q "Note: the running crampd" <<<"$(ou_run crampd ctl status 2>&1)" && sdenv_fail "a version notice between equal versions"
ou_run crampd ctl trigger water >/dev/null || sdenv_fail "crampd ctl trigger water failed"
sdenv_wait_journal 10 -t crampd CRAMPD_REMINDER=water _UID="$OU_UID" || sdenv_fail "no reminder from the packaged crampd in the journal"
sdenv_journal -t crampd CRAMPD_REMINDER=water _UID="$OU_UID" -o cat | tail -n 1
# The catalog explains it (journalctl -x).
sdenv_journal -t crampd CRAMPD_REMINDER=water _UID="$OU_UID" -x | grep -q 'crampd ctl done water' \
    || sdenv_fail "journalctl -x does not explain the reminder with the packaged catalog"

step "the packaged daemon reads 0.1.0's state file and diary"
export_json=$(ou_run crampd ctl export --json) || sdenv_fail "crampd ctl export failed: $export_json"
for note in "fixture drink" "fixture cramp"; do
    grep -q "$note" <<<"$export_json" || sdenv_fail "the diary of 0.1.0 lost \"$note\": $export_json"
done
grep -q '"water"' <<<"$export_json" || sdenv_fail "the diary of 0.1.0 lost the done water reminder"
# A state file it could not read would have been moved aside (state.json.corrupt-…).
left=$(ou_run ls "$OU_HOME/.local/state/crampd" | grep -vxE 'state\.json|diary\.sqlite(-wal|-shm)?|crampd\.lock|last-good-config\.json' || true)
[ -z "$left" ] || sdenv_fail "files set aside in the state directory: $left"
sdenv_journal -t crampd _UID="$OU_UID" -p warning -o cat | grep -i 'state' && sdenv_fail "the daemon warned about 0.1.0's state file"

step "a newer ctl with a running older daemon"
# The previous release's binary: CRAMPD_PREVIOUS_BINARY, or a debug build in the repository's
# main worktree (of another version than this one).
main_worktree=$(git worktree list --porcelain 2>/dev/null | sed -n '1s/^worktree //p')
previous=${CRAMPD_PREVIOUS_BINARY:-${main_worktree:-$root}/.build/debug/crampd}
if [ -x "$previous" ] && [ "$("$previous" --version 2>/dev/null)" != "$version" ]; then
    previous_version=$("$previous" --version)
    old_run="$SDENV_TMP/previous"
    mkdir -p -m 700 "$old_run/run" "$old_run/state" "$old_run/config"
    XDG_RUNTIME_DIR="$old_run/run" XDG_STATE_HOME="$old_run/state" XDG_CONFIG_HOME="$old_run/config" \
        "$previous" run </dev/null >"$old_run/log" 2>&1 &
    previous_pid=$!
    sdenv_on_exit "kill $previous_pid 2>/dev/null || true"
    export CRAMPD_SOCKET="$old_run/run/crampd/ctl.sock"
    sdenv_wait_for 10 /usr/bin/crampd ctl status || sdenv_fail "the previous crampd ($previous) did not answer"
    /usr/bin/crampd ctl status >"$old_run/out" 2>"$old_run/err" || sdenv_fail "the new ctl cannot read the old daemon's status"
    grep -q "^crampd $previous_version, pid $previous_pid" "$old_run/out" || sdenv_fail "status: $(cat "$old_run/out")"
    expected="Note: the running crampd is $previous_version, this ctl is $version: systemctl --user restart crampd"
    [ "$(cat "$old_run/err")" = "$expected" ] || sdenv_fail "expected the notice '$expected', got '$(cat "$old_run/err")'"
    cat "$old_run/err"
    unset CRAMPD_SOCKET
    kill "$previous_pid"; wait "$previous_pid" 2>/dev/null || true
else
    echo "skipped: no previous release's binary (set CRAMPD_PREVIOUS_BINARY to a crampd older than $version)"
fi

step "apt-get purge while the user's crampd runs"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq crampd >"$SDENV_TMP/purge.log" 2>&1 || { cat "$SDENV_TMP/purge.log" >&2; sdenv_fail "apt-get purge failed"; }
package_status=$(dpkg-query -W -f='${db:Status-Abbrev}' crampd 2>/dev/null || true)
case "$package_status" in "" | un* | pn*) ;; *) sdenv_fail "dpkg still knows crampd: $package_status" ;; esac
ls /var/lib/dpkg/info/crampd.* >/dev/null 2>&1 && sdenv_fail "dpkg info files left: $(ls /var/lib/dpkg/info/crampd.*)"
after=$(snapshot)
[ "$before" = "$after" ] || sdenv_fail "left behind or removed by the purge: $(diff <(echo "$before") <(echo "$after") | grep '^[<>]' | tr '\n' ' ')"
echo "package.sh: ok"
