#!/usr/bin/env bash
# Fuzz with libFuzzer + AddressSanitizer.
#   Tests/fuzz/run.sh [TARGET] [SECONDS] [LIBFUZZER-OPTION...]
#     TARGET   toml (default): the TOML parser and writer (Tests/fuzz/TOMLFuzz.swift)
#              protocol: a control line as the daemon and the client decode it (ProtocolFuzz.swift)
#              planner: config text -> ConfigLoader -> Agenda.plan/step at a fuzzed instant (PlannerFuzz.swift)
#     SECONDS  default 600; one process. `run.sh SECONDS` alone fuzzes toml.
#   e.g. Tests/fuzz/run.sh planner 600 -fork=2 -ignore_crashes=1   (go on past a crash)
# Builds .build/fuzz/TARGET-fuzz, seeds its corpus on first use and keeps it between runs.
# Crashes are written to .build/fuzz/crash-* (toml) or .build/fuzz/TARGET/crash-*; replay one
# with .build/fuzz/TARGET-fuzz FILE. Inputs found to crash are kept in Tests/fuzz/regressions/.
set -euo pipefail
# Swift's own crash handler reads memory AddressSanitizer poisons and hides the trap's stack.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
cd "$(dirname "$0")/../.."
target=toml
case "${1:-}" in
  toml|protocol|planner) target=$1; shift ;;
  ''|[0-9]*) ;;
  *) echo "usage: Tests/fuzz/run.sh [toml|protocol|planner] [SECONDS] [LIBFUZZER-OPTION...]" >&2; exit 2 ;;
esac
seconds="${1:-600}"
[ $# -gt 0 ] && shift
# Inputs that once crashed are a second, read-only corpus: every run replays them first.
regressions=()
[ -d "Tests/fuzz/regressions/$target" ] && regressions=("Tests/fuzz/regressions/$target")
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)

# build_module NAME DEPENDENCY...: Sources/NAME as a module (object + swiftmodule) in
# .build/fuzz/modules, unless it is up to date.
modules=.build/fuzz/modules
build_module() {
  local name=$1 dependency stale=1; shift
  mkdir -p "$modules"
  # Up to date when no source of it, and none of the modules it imports, is newer than its object.
  if [ -f "$modules/$name.o" ] && [ -z "$(find "Sources/$name" -name '*.swift' -newer "$modules/$name.o")" ]; then
    stale=0
    for dependency in "$@"; do [ "$modules/$dependency.o" -nt "$modules/$name.o" ] && stale=1; done
  fi
  [ "$stale" = 1 ] || return 0
  swiftc "${flags[@]}" -wmo -module-name "$name" -I "$modules" -emit-module -emit-module-path "$modules/$name.swiftmodule" \
    -emit-object -o "$modules/$name.o" $(find "Sources/$name" -name '*.swift' | sort)
}

# The shell's system tzdata reader and its defaults (`Zone.named(_:)`, `ConfigLoader.load(_:)`),
# compiled into the protocol and planner targets: CrampCore itself reads no file.
system_zones=(Sources/CrampDaemon/Shell/SystemZoneFiles.swift Sources/CrampDaemon/Shell/SystemZones.swift)

# seed_with_time DIR FILE...: each FILE as a seed, after 9 bytes of FuzzTime (2026-11-25 12:00 UTC,
# Europe/Berlin) and after the edges of time (Int64.max and Int64.min microseconds).
seed_with_time() {
  local dir=$1 n=0 f; shift
  for f in "$@"; do
    for prefix in '\x00\xf0\xfe\x90\x18\x61\x06\x00\x01' '\xff\xff\xff\xff\xff\xff\xff\x7f\x02' '\x00\x00\x00\x00\x00\x00\x00\x80\x03'; do
      { printf "$prefix"; cat "$f"; } >"$dir/seed-$n"; n=$((n+1))
    done
  done
  echo "seeded $dir with $n inputs"
}

case "$target" in
toml)
  out=.build/fuzz
  mkdir -p "$out/corpus"
  swiftc "${flags[@]}" Sources/TOML/*.swift Tests/fuzz/TOMLFuzz.swift -o "$out/toml-fuzz"
  tests=../shared/toml-test/tests
  if [ -d "$tests" ] && [ -z "$(ls -A "$out/corpus")" ]; then
    n=0
    while IFS= read -r -d '' f; do cp "$f" "$out/corpus/seed-$n.toml"; n=$((n+1)); done \
      < <(find "$tests" -name '*.toml' -print0)
    echo "seeded corpus with $n toml-test files"
  fi
  exec "$out/toml-fuzz" "$out/corpus" "${regressions[@]}" -dict=Tests/fuzz/toml.dict -max_total_time="$seconds" \
    -max_len=4096 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$out/" -print_final_stats=1 "$@"
  ;;
protocol)
  out=.build/fuzz/protocol
  mkdir -p "$out/corpus"
  build_module TOML; build_module POSIX; build_module CrampCore TOML POSIX; build_module CrampProtocol CrampCore TOML
  swiftc "${flags[@]}" -I "$modules" Tests/fuzz/ProtocolFuzz.swift Tests/fuzz/FuzzTime.swift "${system_zones[@]}" \
    "$modules/TOML.o" "$modules/POSIX.o" "$modules/CrampCore.o" "$modules/CrampProtocol.o" -o .build/fuzz/protocol-fuzz
  if [ -z "$(ls -A "$out/corpus")" ]; then
    # Every request and response in docs/protocol.md's examples ("> " and "< " lines).
    n=0
    while IFS= read -r line; do printf '%s' "$line" >"$out/corpus/seed-$n"; n=$((n+1)); done \
      < <(sed -n 's/^[<>] \({.*}\)$/\1/p' docs/protocol.md)
    echo "seeded $out/corpus with $n lines from docs/protocol.md"
  fi
  exec .build/fuzz/protocol-fuzz "$out/corpus" "${regressions[@]}" -dict=Tests/fuzz/protocol.dict -max_total_time="$seconds" \
    -max_len=4096 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$out/" -print_final_stats=1 "$@"
  ;;
planner)
  out=.build/fuzz/planner
  mkdir -p "$out/corpus"
  build_module TOML; build_module POSIX; build_module CrampCore TOML POSIX
  swiftc "${flags[@]}" -I "$modules" Tests/fuzz/PlannerFuzz.swift Tests/fuzz/FuzzTime.swift "${system_zones[@]}" \
    "$modules/TOML.o" "$modules/POSIX.o" "$modules/CrampCore.o" -o .build/fuzz/planner-fuzz
  if [ -z "$(ls -A "$out/corpus")" ]; then
    seed_with_time "$out/corpus" config/crampd.toml Tests/fuzz/planner-seeds/*.toml
  fi
  exec .build/fuzz/planner-fuzz "$out/corpus" "${regressions[@]}" -dict=Tests/fuzz/planner.dict -max_total_time="$seconds" \
    -max_len=4096 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$out/" -print_final_stats=1 "$@"
  ;;
esac
