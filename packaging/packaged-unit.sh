#!/bin/sh
# Prints systemd/UNIT as a package installs it (debian/rules, the PKGBUILD, a Nix build):
#   packaging/packaged-unit.sh systemd/crampd.service [BINARY]     (default /usr/bin/crampd)
# The binary is outside home, where the sandbox (ProtectSystem=strict) leaves it readable, so
# the bind of ~/.local/bin/crampd goes. One unit file in the tree and this one rewrite: a second
# hand-kept copy would drift.
set -eu
binary=${2:-/usr/bin/crampd}
out=$(sed -e '/^# The binary lives under home for the default prefix/d' \
    -e '\|^BindReadOnlyPaths=%h/\.local/bin/crampd$|d' \
    -e "s|%h/\\.local/bin/crampd|$binary|g" \
    -e 's|^# `make install` rewrites ExecStart=.*|# Installed by a crampd package: packaging/packaged-unit.sh pointed it at the binary.|' "$1")
if printf '%s\n' "$out" | grep -q '\.local/bin'; then
    echo "packaged-unit: $1 still names ~/.local/bin after the rewrite; update packaging/packaged-unit.sh" >&2
    exit 1
fi
printf '%s\n' "$out"
