#!/bin/sh
# Prints the Depends: entries for the libraries BINARY loads with dlopen (CLazyLibrary), which
# dpkg-shlibdeps cannot see because they are not NEEDED entries. Derived from the binary itself:
#   1. the sonames it names ("libsystemd.so.0"), minus its NEEDED entries;
#   2. each soname's file (ldconfig) and the package that ships it (dpkg -S);
#   3. the lowest version providing every symbol the binary names, from that package's symbols
#      file (the dlsym names are strings in the binary), else its shlibs minimum.
# Fails when a soname cannot be mapped to a package: a dependency must never be dropped silently.
#   debian/dlopen-depends.sh BINARY            ->   libsqlite3-0 (>= 3.37.0), libsystemd0 (>= 246)
#   debian/dlopen-depends.sh BINARY optional   ->   libx11-6 (>= …), libxext6 (>= …)
# The X libraries are optional (Recommends): crampd uses them only for the X server's idle
# counter, and without them it runs on, presence from X simply absent. The rest are required.
set -eu
binary=$1
kind=${2:-required}
optional_pattern='^libX[A-Za-z0-9]*\.so'
strings_file=$(mktemp)
trap 'rm -f "$strings_file"' EXIT
strings -a -n 4 "$binary" | sort -u >"$strings_file"
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
sonames=$(grep -xE 'lib[A-Za-z0-9_+-]+\.so(\.[0-9]+)+' "$strings_file" | grep -vxF "$needed" || true)
[ -n "$sonames" ] || { echo "dlopen-depends: no dlopen'ed soname found in $binary" >&2; exit 1; }
depends=
for soname in $sonames; do
    if printf '%s\n' "$soname" | grep -qE "$optional_pattern"; then
        [ "$kind" = optional ] || continue
    else
        [ "$kind" = required ] || continue
    fi
    path=$(ldconfig -p | awk -v s="$soname" '$1 == s && /x86-64/ { print $NF; exit }')
    [ -n "$path" ] || { echo "dlopen-depends: $soname (named in $binary) is not installed here" >&2; exit 1; }
    package=
    for candidate in "$path" "/usr${path#/usr}" "${path#/usr}" "$(readlink -f "$path")"; do
        package=$(dpkg -S "$candidate" 2>/dev/null | head -n 1 | cut -d: -f1) && [ -n "$package" ] && break
    done
    [ -n "$package" ] || { echo "dlopen-depends: no package ships $path ($soname)" >&2; exit 1; }
    # The symbols file lists "symbol@version minimum-version"; keep those the binary names.
    minimum=$(dpkg-query --control-show "$package" symbols 2>/dev/null | awk -v strings="$strings_file" '
        BEGIN { while ((getline s < strings) > 0) named[s] = 1 }
        /^ / { split($1, parts, "@"); if (parts[1] in named && $2 != "0") print $2 }' \
        | sort -V | tail -n 1)
    if [ -z "$minimum" ]; then
        minimum=$(dpkg-query --control-show "$package" shlibs 2>/dev/null | sed -n 's/.*(>= \(.*\)).*/\1/p' | head -n 1)
    fi
    entry=$package${minimum:+ (>= $minimum)}
    depends=${depends:+$depends, }$entry
done
echo "$depends"
