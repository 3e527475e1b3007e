#!/usr/bin/env bash
# TOML parse benchmark: our parser (release build) next to Python's tomllib on
# the shared ~2 MB workload, plus instructions per byte from callgrind.
#   bench/toml-parse.sh [ITERATIONS]        default 20 (tomllib: a quarter)
#   TOML_BENCH_PYTHON_CALLGRIND=1 bench/toml-parse.sh   also count tomllib (slow, ~2 min)
# Instructions per byte = (Ir of reading + parsing + freeing the tree once
#   - Ir of only reading the file) / file size.
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-20}"
out=.build/bench
gen=../shared/bench/gen_toml.py
mkdir -p "$out"
[ -f "$gen" ] || { echo "toml-parse: $gen not found" >&2; exit 1; }
python3 "$gen" "$out/workload.toml" >/dev/null
bytes=$(wc -c < "$out/workload.toml")
# Whole-module -O: what `swift build -c release` does for the TOML target.
swiftc -O -wmo -parse-as-library Sources/TOML/*.swift bench/toml-bench.swift -o "$out/toml-bench"

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "workload: $bytes bytes ($gen)"
"$out/toml-bench" "$out/workload.toml" "$iterations"
python3 - "$out/workload.toml" "$(( (iterations + 3) / 4 ))" <<'PY'
import sys, time, tomllib
path, n = sys.argv[1], int(sys.argv[2])
data = open(path, "rb").read()
times = []
for _ in range(n):
    t = time.perf_counter()
    tomllib.loads(data.decode("utf-8"))
    times.append(time.perf_counter() - t)
times.sort()
mb = len(data) / 1e6
print(f"python tomllib: {len(data)} bytes, {n} parses, best {mb / times[0]:.1f} MB/s, median {mb / times[len(times) // 2]:.1f} MB/s")
PY

ir() {  # total instructions of a command, from callgrind
  local file="$out/callgrind.$$.out"
  valgrind --tool=callgrind --callgrind-out-file="$file" "$@" >/dev/null 2>&1
  awk '/^summary:/ { print $2 }' "$file"
  rm -f "$file"
}
base=$(ir "$out/toml-bench" "$out/workload.toml" 0)
once=$(ir "$out/toml-bench" "$out/workload.toml" 1)
perbyte() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.1f", (a - b) / n }'; }
echo "swift TOML: $(perbyte "$once" "$base" "$bytes") instructions/byte (callgrind: $once - $base Ir over $bytes bytes)"
if [ "${TOML_BENCH_PYTHON_CALLGRIND:-0}" = 1 ]; then
  python=$(python3 -c 'import sys; print(sys.executable)')  # not a pyenv shim script
  pybase=$(ir "$python" -c "import tomllib; open('$out/workload.toml','rb').read().decode()")
  pyonce=$(ir "$python" -c "import tomllib; tomllib.loads(open('$out/workload.toml','rb').read().decode())")
  echo "python tomllib: $(perbyte "$pyonce" "$pybase" "$bytes") instructions/byte"
fi
