#!/usr/bin/env bash
# Installs the Debian packages crampd needs, only those missing.
#   scripts/deps.sh build   what `make install` needs: the C libraries behind our wrappers
#   scripts/deps.sh test    also what `make test` needs: real systemd, dbus, a notification server,
#                           and the Debian packaging tools for `make deb`
# As root it runs apt-get; otherwise it prints the command to run and fails.
set -euo pipefail
build=(libsystemd-dev libsqlite3-dev libx11-dev libxext-dev make)
test=(python3 python3-icalendar python3-dbus python3-gi chromium systemd dbus-daemon dbus-user-session xvfb dunst libnotify-bin xdotool imagemagick hyperfine binutils pkg-config sqlite3
    debhelper dpkg-dev fakeroot lintian)  # make deb and Tests/e2e/package.sh
case "${1:-build}" in
    build) wanted=("${build[@]}") ;;
    test) wanted=("${build[@]}" "${test[@]}") ;;
    *) echo "usage: scripts/deps.sh build|test" >&2; exit 2 ;;
esac
missing=()
for package in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null || true)
    [ "${status:0:2}" = ii ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "crampd needs these Debian packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
echo "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
