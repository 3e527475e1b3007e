#!/usr/bin/env bash
# Benchmark: load + validate the built-in default config (TOML parse, merge, schema) in a
# release build. Target: under 1 ms per load. Prints wall-time percentiles and, when
# valgrind is installed, instructions per load (the figure that does not move with load).
#   bench/config.sh [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-5000}
out=bench/out
source bench/core-program.sh
core_program config-bench
echo "default config: $(wc -c < config/crampd.toml) bytes"
"$out/config-bench" "$iterations"
if command -v valgrind >/dev/null; then
  # Loads run = warm-up (min(N, 200)) + N; the difference of two runs leaves only the loads.
  ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$out/config-bench" "$1" load 2>&1 | awk '/Collected/ {print $4}'; }
  none=$(ir 0); hundred=$(ir 100)
  echo "instructions per load + validate (callgrind): $(( (hundred - none) / 200 ))"
fi
