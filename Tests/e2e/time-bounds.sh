#!/usr/bin/env bash
# Time bounds end to end (issue 13 items 1, 5 and 10; issue 14 items 13 and 14): the exact
# attack inputs against a real `crampd run` in the foreground on a temporary socket and state
# directory; it must survive each, answer, and start again. Takes the e2e lock like the
# scripts that share fixed paths, so it never runs beside them on this busy machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec {lock}>>/run/lock/crampd-e2e.lock
flock -w 600 "$lock" || { echo "Failed to take /run/lock/crampd-e2e.lock within 600 s" >&2; exit 1; }
exec python3 Tests/e2e/time_bounds_e2e.py "$(pwd)/.build/debug/crampd"
