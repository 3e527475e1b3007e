#!/bin/bash
# Benchmark of the time engine: next-elapse (calendar) and next-due (at/every) computations
# per second. Builds the CrampCore time sources with optimizations (like a release build)
# into a small benchmark program; prints the machine and the numbers for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# TZDatabase reads tzdata through the POSIX target's one file reader.
swiftc -O -wmo -parse-as-library -module-name POSIX -emit-module -emit-module-path "$out/POSIX.swiftmodule" \
  -emit-library -static -o "$out/libPOSIX.a" Sources/POSIX/*.swift
swiftc -O -wmo -parse-as-library -I "$out" -module-name CalendarBench Sources/CrampCore/Time/*.swift Sources/CrampDaemon/Shell/SystemZoneFiles.swift bench/calendar_bench.swift \
  -L "$out" -lPOSIX -o "$out/calendar-bench" 2>&1 | grep -v warning || true
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
for run in 1 2 3; do "$out/calendar-bench" "${1:-20000}"; done
