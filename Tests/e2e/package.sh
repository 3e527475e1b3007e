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
sdenv_on_exit "dpkg-query -W crampd >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq crampd"
sdenv_on_exit ou_cleanup

step "make deb (release build: reused when .build has it)"
build_log="$SDENV_TMP/make-deb.log"
started=$SECONDS
# HOME stays (swift's caches); XDG_CONFIG_HOME from sdenv would move swiftpm's config, so unset it.
if ! env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_STATE_HOME make -s deb >"$build_log" 2>&1; then
    tail -n 40 "$build_log" >&2
    sdenv_fail "make deb failed"
fi
echo "built $deb in $((SECONDS - started)) s"
[ -f "$deb" ] || sdenv_fail "make deb did not produce $deb"
# lintian ran inside make deb with --fail-on error; show what it said.
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

step "apt-get install ./$deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >"$SDENV_TMP/apt.log" 2>&1 || { cat "$SDENV_TMP/apt.log" >&2; sdenv_fail "apt-get install failed"; }
[ "$(crampd --version)" = "$version" ] || sdenv_fail "crampd --version says $(crampd --version), not $version"
# Enabled for every user, started for none (the postinst never starts anything as root).
[ -L /etc/systemd/user/default.target.wants/crampd.service ] || sdenv_fail "crampd.service is not enabled for every user"
[ -L /etc/systemd/user/sockets.target.wants/crampd.socket ] || sdenv_fail "crampd.socket is not enabled for every user"
pgrep -x crampd >/dev/null && sdenv_fail "installing the package started a crampd"
# systemd's trigger on /usr/lib/systemd/catalog ran journalctl --update-catalog.
listed=$(journalctl --list-catalog | grep -c ' crampd: ' || true)
[ "$listed" -gt 0 ] || sdenv_fail "the catalog is not in journalctl's database after install"
echo "catalog: $listed entries"

step "an ordinary user's login starts crampd"
ou_start "$user"
ou_wait 20 ou_systemctl is-active --quiet crampd.service || {
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
ou_run test -f "$OU_HOME/.local/state/crampd/state.json" || sdenv_fail "no state file in the user's ~/.local/state/crampd"

step "apt-get purge while the user's crampd runs"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq crampd >"$SDENV_TMP/purge.log" 2>&1 || { cat "$SDENV_TMP/purge.log" >&2; sdenv_fail "apt-get purge failed"; }
package_status=$(dpkg-query -W -f='${db:Status-Abbrev}' crampd 2>/dev/null || true)
case "$package_status" in "" | un* | pn*) ;; *) sdenv_fail "dpkg still knows crampd: $package_status" ;; esac
ls /var/lib/dpkg/info/crampd.* >/dev/null 2>&1 && sdenv_fail "dpkg info files left: $(ls /var/lib/dpkg/info/crampd.*)"
after=$(snapshot)
[ "$before" = "$after" ] || sdenv_fail "left behind or removed by the purge: $(diff <(echo "$before") <(echo "$after") | grep '^[<>]' | tr '\n' ' ')"
echo "package.sh: ok"
