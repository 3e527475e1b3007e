#!/usr/bin/env bash
# The unit tests under the compiler's sanitizers.
#   Tests/sanitize.sh [address|undefined|thread ...]     default: address undefined thread
#   SANITIZE_FILTER=RegEx Tests/sanitize.sh address       only the matching tests
# Each sanitizer builds into its own .build/sanitize-KIND (the ordinary debug build stays as
# it is; the first build of each takes a few minutes), then runs `swift test` there, one test
# process at a time. Output goes to .build/sanitize-KIND.log; a report from a sanitizer or a
# failed test makes the script fail (status 1) after all the kinds asked for have run.
# AddressSanitizer's leak checker is off: the Swift runtime's caches show up as leaks.
# `undefined` covers the C code only (swiftc has no -sanitize=undefined; Swift traps instead).
set -uo pipefail
cd "$(dirname "$0")/.."
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(address undefined thread)
filter=()
[ -n "${SANITIZE_FILTER:-}" ] && filter=(--filter "$SANITIZE_FILTER")
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:${TSAN_OPTIONS:-}"
status=0
for kind in "${kinds[@]}"; do
  case "$kind" in address|undefined|thread) ;; *) echo "unknown sanitizer $kind: expected address, undefined or thread" >&2; exit 2 ;; esac
  scratch=.build/sanitize-$kind
  log=$scratch.log
  echo "== $kind: building into $scratch"
  # Swift has no undefined-behaviour sanitizer (its arithmetic and bounds are checked anyway):
  # that one instruments the C targets (CLazyLibrary, the system library shims) through clang.
  sanitize=(--sanitize="$kind")
  [ "$kind" = undefined ] && sanitize=(-Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined
                                       -Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined)
  if ! swift build --build-tests "${sanitize[@]}" --scratch-path "$scratch" >"$log" 2>&1; then
    echo "FAIL $kind: the build failed; see $log"; status=1; continue
  fi
  echo "== $kind: running the tests (log: $log)"
  swift test --skip-build "${sanitize[@]}" --scratch-path "$scratch" "${filter[@]}" >>"$log" 2>&1
  rc=$?
  reports=$(grep -cE "ERROR: (AddressSanitizer|ThreadSanitizer)|WARNING: ThreadSanitizer|runtime error:" "$log")
  if [ "$rc" = 0 ] && [ "$reports" = 0 ]; then
    echo "ok   $kind: $(grep -E "Test run with .* (passed|failed)" "$log" | tail -1)"
  else
    echo "FAIL $kind: swift test exited $rc with $reports sanitizer report(s); see $log"
    grep -E -m 5 -A 3 "ERROR: (AddressSanitizer|ThreadSanitizer)|WARNING: ThreadSanitizer|runtime error:" "$log"
    status=1
  fi
done
exit "$status"
