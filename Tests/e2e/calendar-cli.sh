#!/bin/bash
# `crampd calendar` output, word for word: normalized form on stderr, RFC 3339 elapses on
# stdout in $TZ, microseconds only when present, errors on stderr with a non-zero exit.
set -uo pipefail
cd "$(dirname "$0")/../.."
bin=${CRAMPD:-.build/debug/crampd}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0; failed=0
check() {  # name, expected exit, expected stdout, expected stderr, command...
    local name=$1 rc=$2 out=$3 err=$4; shift 4
    "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?
    if [ "$got" = "$rc" ] && [ "$(cat "$tmp/out")" = "$out" ] && [ "$(cat "$tmp/err")" = "$err" ]; then
        passed=$((passed+1))
    else
        failed=$((failed+1))
        echo "FAIL $name: exit $got (want $rc)"; echo "  stdout: $(cat "$tmp/out")"; echo "  stderr: $(cat "$tmp/err")"
    fi
}
# Berlin springs forward on 2026-03-29: 02:30 does not exist that day.
check spring-forward 0 $'2026-03-28T02:30:00+01:00\n2026-03-30T02:30:00+02:00\n2026-03-31T02:30:00+02:00' \
    'Normalized form: *-*-* 02:30:00' \
    env TZ=Europe/Berlin "$bin" calendar --iterations=3 --base-time='2026-03-28 00:00:00' '*-*-* 02:30'
# Falls back on 2026-10-25: 02:30 happens twice and fires once.
check fall-back 0 $'2026-10-25T02:30:00+02:00\n2026-10-26T02:30:00+01:00' \
    'Normalized form: *-*-* 02:30:00' \
    env TZ=Europe/Berlin "$bin" calendar --iterations=2 --base-time='2026-10-24 12:00:00' '*-*-* 02:30'
check fraction 0 $'2026-01-01T05:30:00.500000+05:30\n2026-01-01T05:30:01+05:30' \
    'Normalized form: *-*-* *:*:00/0.500000' \
    env TZ=Asia/Kolkata "$bin" calendar --iterations=2 --base-time='2026-01-01 05:30:00' '*:*:0/0.5'
check epoch-base 0 '2026-10-25T02:20:00+01:00' 'Normalized form: *-*-* *:00/20:00' \
    env TZ=Europe/Berlin "$bin" calendar --base-time=@1792890600 '*:0/20'
check never 0 '' $'Normalized form: 2020-01-01 00:00:00\nNext elapse: never' \
    env TZ=UTC "$bin" calendar --base-time='2026-01-01 00:00:00' '2020-01-01'
check invalid 1 '' 'Error: invalid calendar expression "Mon,,": expected a weekday name, got ","' \
    env TZ=UTC "$bin" calendar 'Mon,,'
check iterations 2 '' $'Error: --iterations must be at least 1, got 0\nUsage: crampd calendar <expression> [--iterations <iterations>] [--base-time <base-time>]\n  See \'crampd calendar --help\' for more information.' \
    "$bin" calendar --iterations=0 daily
echo "calendar-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
