#!/usr/bin/env bash
# Differential test of our TOML parser against Python's tomllib (TOML 1.0) on
# seeded generated documents; fails on any disagreement. See toml_differential.py.
#   Tests/e2e/toml-differential.sh [COUNT] [SEED]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="$root/../shared/toml-test"
if [ ! -d "$shared" ]; then
  echo "toml-differential: $shared not found, skipped"
  exit 0
fi
decoder="$root/.build/debug/toml-test-decoder"
if [ ! -x "$decoder" ]; then
  echo "toml-differential: $decoder not built (run swift build)" >&2
  exit 1
fi
exec python3 "$root/Tests/e2e/toml_differential.py" "$decoder" "$shared" \
  --count "${1:-6000}" --seed "${2:-20261125}"
