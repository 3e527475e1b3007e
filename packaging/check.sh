#!/usr/bin/env bash
# What can be checked here of the packaging that is not Debian's: makepkg, namcap and nix are
# not installed on these machines, so this checks by hand what they would catch first.
#   PKGBUILD: bash -n; the variables and functions makepkg requires; one checksum per source;
#             pkgver equals VERSION; every path package() installs from exists in the tree.
#   crampd.nix: brackets, braces, parentheses and strings balance (a syntax check, not an
#             evaluation); the options the README names exist.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "packaging/check.sh: $*" >&2; exit 1; }

pkgbuild=packaging/arch/PKGBUILD
bash -n "$pkgbuild" || fail "$pkgbuild: bash -n failed"
# Sourced in a subshell with a clean environment, as makepkg does.
env -i bash -c '
    set -eu
    source "$1"
    for v in pkgname pkgver pkgrel pkgdesc url; do [ -n "${!v:-}" ] || { echo "missing $v"; exit 1; }; done
    for a in arch license depends makedepends source sha256sums; do declare -p "$a" 2>/dev/null | grep -q "^declare -a" || { echo "$a is not an array"; exit 1; }; done
    [ "${#source[@]}" = "${#sha256sums[@]}" ] || { echo "${#source[@]} sources, ${#sha256sums[@]} checksums"; exit 1; }
    for f in build package; do declare -F "$f" >/dev/null || { echo "no $f()"; exit 1; }; done
    [[ "$pkgname" =~ ^[a-z0-9@._+][a-z0-9@._+-]*$ ]] || { echo "bad pkgname $pkgname"; exit 1; }
    [[ "$pkgrel" =~ ^[0-9]+$ ]] || { echo "bad pkgrel $pkgrel"; exit 1; }
    [ ! -n "${install:-}" ] || [ -f "$(dirname "$1")/$install" ] || { echo "install file $install missing"; exit 1; }
    [ "$pkgver" = "$(cat VERSION)" ] || { echo "pkgver $pkgver is not VERSION $(cat VERSION)"; exit 1; }
' check "$pkgbuild" || fail "$pkgbuild: the check above failed"
bash -n packaging/arch/crampd.install || fail "crampd.install: bash -n failed"
# Files package() reads from the source tree (words like systemd/x, docs/x, data/x, debian/x).
for path in $(grep -oE '[ "(](systemd|docs|data|debian|packaging|scripts)/[A-Za-z0-9._/-]+' "$pkgbuild" | cut -c2- | grep -v '/$' | sort -u); do
    [ -e "$path" ] || fail "$pkgbuild installs $path, which does not exist"
done
grep -q 'systemd/\$unit' "$pkgbuild" || fail "$pkgbuild does not install the units"

python3 - packaging/home-manager/crampd.nix <<'PY' || fail "crampd.nix: unbalanced"
import sys
text = open(sys.argv[1]).read()
pairs = {")": "(", "]": "[", "}": "{"}
stack, i, line = [], 0, 1
def where(): return f"line {line}"
while i < len(text):
    c = text[i]
    if c == "\n": line += 1
    if c == "#":                                   # comment to end of line
        i = text.find("\n", i); i = len(text) if i < 0 else i; continue
    if text.startswith("/*", i):
        j = text.find("*/", i); assert j >= 0, "unterminated /* " + where(); line += text[i:j].count("\n"); i = j + 2; continue
    if c == '"' or text.startswith("''", i):       # strings, with ${ } inside counted as code
        quote = '"' if c == '"' else "''"
        stack.append(quote); i += len(quote); 
        while i < len(text):
            if text[i] == "\n": line += 1
            if quote == '"' and text[i] == "\\": i += 2; continue
            if quote == "''" and text.startswith("'''", i): i += 3; continue
            if text.startswith("${", i):
                depth, i = 1, i + 2
                while depth and i < len(text):
                    depth += {"{": 1, "}": -1}.get(text[i], 0); i += 1
                continue
            if text.startswith(quote, i): i += len(quote); stack.pop(); break
            i += 1
        else:
            sys.exit(f"unterminated string opened before {where()}")
        continue
    if c in "([{": stack.append(c)
    elif c in ")]}":
        if not stack or stack[-1] != pairs[c]: sys.exit(f"unbalanced {c} at {where()}")
        stack.pop()
    i += 1
if stack: sys.exit(f"unclosed {stack[-1]} at end")
PY
for option in enable package settings; do
    grep -q "^    $option = lib\.mk" packaging/home-manager/crampd.nix || fail "crampd.nix: no option services.crampd.$option"
done
echo "packaging/check.sh: PKGBUILD and crampd.nix pass the checks possible here (no makepkg, namcap or nix)"
