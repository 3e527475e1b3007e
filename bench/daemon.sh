#!/usr/bin/env bash
# Daemon benchmarks (issue 6): idle cost over 60 s with the default config,
# lateness of 50 reminders, and start to READY=1. Release build, static stdlib.
#   bench/daemon.sh [IDLE_SECONDS [ready|lateness|idle]...]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product crampd >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
python3 bench/daemon_bench.py .build/release/crampd "${1:-60}" "${@:2}"
