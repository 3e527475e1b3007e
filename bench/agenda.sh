#!/usr/bin/env bash
# The cost of recomputing the agenda for N reminders (default 10,000), release build.
# usage: bench/agenda.sh [N [SCENARIO]]   — prints the machine, then median and min per scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product agenda-bench >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%dT%H:%MZ), $(swift --version 2>/dev/null | head -1)"
"$(swift build -c release --show-bin-path)/agenda-bench" "${1:-10000}" ${2:+"$2"}
