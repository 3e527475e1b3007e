#!/usr/bin/env bash
# crampd check-config as a new user meets it: no config, a valid config with a drop-in,
# a file with three mistakes, a missing --config file. Output is compared word for word.
set -euo pipefail
cd "$(dirname "$0")/../.."
crampd="$PWD/.build/debug/crampd"
[ -x "$crampd" ] || { echo "missing $crampd: run swift build first"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" TZ=UTC
unset XDG_RUNTIME_DIR
mkdir -p "$HOME"
failures=0

# expect NAME WANT_RC WANT_STDOUT_FILE WANT_STDERR_FILE -- command…
expect() {
  local name=$1 want_rc=$2 want_out=$3 want_err=$4; shift 5
  local rc=0
  "$@" >"$work/out" 2>"$work/err" || rc=$?
  if [ "$rc" != "$want_rc" ]; then echo "FAIL $name: exit $rc, want $want_rc"; cat "$work/err"; failures=$((failures+1)); return; fi
  if ! diff -u "$want_out" "$work/out"; then echo "FAIL $name: stdout differs"; failures=$((failures+1)); return; fi
  if ! diff -u "$want_err" "$work/err"; then echo "FAIL $name: stderr differs"; failures=$((failures+1)); return; fi
  echo "ok   $name"
}

# 1. No config at all: the built-in default, with its next due times.
"$crampd" check-config --base-time '2026-11-25 14:00:00' >"$work/out" 2>"$work/err" || { echo "FAIL default: exit $?"; cat "$work/err"; exit 1; }
grep -qx '  (built-in default)' "$work/out" && grep -qx '    next: Wed 2026-11-25 15:30:00 UTC' "$work/out" \
  && [ ! -s "$work/err" ] && echo "ok   built-in default" || { echo "FAIL built-in default"; cat "$work/out"; failures=$((failures+1)); }

# 2. A valid config and a drop-in in config.d.
mkdir -p "$XDG_CONFIG_HOME/crampd/config.d"
cat >"$XDG_CONFIG_HOME/crampd/config.toml" <<'TOML'
[daemon]
timezone = "Europe/Berlin"

[[reminder]]
id = "water"
kind = "hydration"
amount = 250
every = "1h 30m"
between = "08:00-12:00"

[[reminder]]
id = "magnesium"
kind = "electrolyte"
electrolyte = "magnesium"
at = "20:00"

[[reminder]]
id = "weekend-walk"
kind = "custom"
message = "Go for a walk."
calendar = "Sat,Sun 09:00"
TOML
cat >"$XDG_CONFIG_HOME/crampd/config.d/50-crampd-ctl.toml" <<'TOML'
[[reminder]]
id = "water"
every = "2h"
TOML
echo 'not toml, not read' >"$XDG_CONFIG_HOME/crampd/config.d/README"
cat >"$work/want-valid" <<EOF2
Files in use, in merge order:
  $XDG_CONFIG_HOME/crampd/config.toml
  $XDG_CONFIG_HOME/crampd/config.d/50-crampd-ctl.toml
Time zone: Europe/Berlin (from the config)
Quiet hours: none
Notify: journal
Grace: 10m, catch-up: once, snooze: 10m
Goals: none

3 reminders:
  water (hydration, 250 ml)
    every 2h between 08:00-12:00
    next: Thu 2026-11-26 08:00:00 CET
          Thu 2026-11-26 10:00:00 CET
          Fri 2026-11-27 08:00:00 CET
  magnesium (electrolyte, magnesium)
    at 20:00
    next: Wed 2026-11-25 20:00:00 CET
          Thu 2026-11-26 20:00:00 CET
          Fri 2026-11-27 20:00:00 CET
  weekend-walk (custom)
    calendar Sat,Sun *-*-* 09:00:00
    next: Sat 2026-11-28 09:00:00 CET
          Sun 2026-11-29 09:00:00 CET
          Sat 2026-12-05 09:00:00 CET
EOF2
: >"$work/empty"
expect "valid config with a drop-in" 0 "$work/want-valid" "$work/empty" -- "$crampd" check-config --base-time '2026-11-25 15:00:00'

# 3. Three mistakes: all three at once, with carets, exit 1.
cat >"$work/three.toml" <<'TOML'
[daemon]
quiet_hours = "22:30-22:30"

[[reminder]]
id = "water"
kind = "hydration"
evry = "45m"
every = "45m"

[[reminder]]
id = "mg"
kind = "electrolyte"
electrolyte = "magnesum"
at = "20:00"
TOML
cat >"$work/want-three" <<EOF2
$work/three.toml:2:15: empty window "22:30-22:30" in "quiet_hours": it starts and ends at the same time; leave out "quiet_hours" for no quiet hours
    quiet_hours = "22:30-22:30"
                  ^
$work/three.toml:7:1: unknown key "evry" in [[reminder]]; did you mean "every"?
    evry = "45m"
    ^
$work/three.toml:13:15: expected one of "sodium", "potassium", "magnesium" or "calcium" for "electrolyte", got "magnesum"; did you mean "magnesium"?
    electrolyte = "magnesum"
                  ^
Failed to load the config: 3 errors
EOF2
expect "three mistakes" 1 "$work/empty" "$work/want-three" -- "$crampd" check-config --config "$work/three.toml"

# 4. --config naming a file that is not there.
cat >"$work/want-missing" <<EOF2
Failed to read $work/nowhere.toml: No such file or directory
Failed to load the config: 1 error
EOF2
expect "missing --config file" 1 "$work/empty" "$work/want-missing" -- "$crampd" check-config --config "$work/nowhere.toml"

# 4b. A base time outside the one bound of instants (the years 1970 to 9999) is a usage error.
for base in '0001-01-01 00:00:00' '1969-12-31 23:00:00'; do
  rc=0; "$crampd" check-config --base-time "$base" >"$work/out" 2>"$work/err" || rc=$?
  if [ "$rc" = 2 ] && grep -q "expected a time 'YYYY-MM-DD HH:MM:SS' in the years 1970 to 9999 for --base-time, got '$base'" "$work/err"; then
    echo "ok   base time $base refused"
  else echo "FAIL base time $base: exit $rc"; cat "$work/err"; failures=$((failures+1)); fi
done

# 5. The help, word for word (swift-argument-parser wraps at 80 columns when not on a terminal).
cat >"$work/want-help" <<'EOF2'
OVERVIEW: Check the config files and show when each reminder is next due.

Reads the config the way the daemon does: ~/.config/crampd/config.toml (or
$XDG_CONFIG_HOME/crampd/config.toml, or the built-in default when there is
none), then config.d/*.toml beside it and
$XDG_RUNTIME_DIR/crampd/config.d/*.toml, each in lexical order. On success
prints the files in use, the settings and each reminder with its next 3 due
times, and exits 0. Otherwise prints every error as path:line:column with the
line and a caret, and exits 1.

Examples:
  crampd check-config
  crampd check-config --config ./my-crampd.toml
  crampd check-config --base-time '2026-03-29 01:00:00'

USAGE: crampd check-config [--config <path>] [--base-time <YYYY-MM-DD HH:MM:SS>]

OPTIONS:
  --config <path>         Check this file instead (drop-ins from config.d/
                          beside it).
  --base-time <YYYY-MM-DD HH:MM:SS>
                          Plan from this local time instead of now.
  --version               Show the version.
  -h, --help              Show help information.

EOF2
expect "help" 0 "$work/want-help" "$work/empty" -- env COLUMNS=80 "$crampd" check-config --help

[ "$failures" -eq 0 ] || { echo "check-config: $failures failed"; exit 1; }
echo "check-config: all passed"
