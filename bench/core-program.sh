# shellcheck shell=bash
# Sourced by the config benchmarks: builds bench/NAME.swift against the release objects of
# CrampCore and the targets it imports (TOML, POSIX) into bench/out/NAME.
#   source bench/core-program.sh; core_program NAME
core_program() {
    mkdir -p bench/out
    swift build -c release --target CrampCore 2>&1 | tail -1
    swiftc -O -I .build/release/Modules "bench/$1.swift" \
      .build/release/CrampCore.build/*.o .build/release/TOML.build/*.o .build/release/POSIX.build/*.o -o "bench/out/$1"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1 /proc/loadavg)"
}
