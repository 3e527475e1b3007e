#!/usr/bin/env bash
# Fuzz the TOML parser and writer with libFuzzer + AddressSanitizer.
#   Tests/fuzz/run.sh [SECONDS]     default 600; one process
# Builds .build/fuzz/toml-fuzz from Sources/TOML and Tests/fuzz/TOMLFuzz.swift,
# seeds .build/fuzz/corpus from ../shared/toml-test (if present) and keeps the
# corpus between runs. Crashes are written to .build/fuzz/crash-*.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-600}"
out=.build/fuzz
mkdir -p "$out/corpus"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
  Sources/TOML/*.swift Tests/fuzz/TOMLFuzz.swift -o "$out/toml-fuzz"
tests=../shared/toml-test/tests
if [ -d "$tests" ] && [ -z "$(ls -A "$out/corpus")" ]; then
  n=0
  while IFS= read -r -d '' f; do cp "$f" "$out/corpus/seed-$n.toml"; n=$((n+1)); done \
    < <(find "$tests" -name '*.toml' -print0)
  echo "seeded corpus with $n toml-test files"
fi
exec "$out/toml-fuzz" "$out/corpus" -dict=Tests/fuzz/toml.dict -max_total_time="$seconds" \
  -max_len=4096 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$out/" -print_final_stats=1
