#!/usr/bin/env bash
# Diary benchmark: a year of generated data in a real SQLite file on disk, then the time to
# answer `stats --days 30` (query + compute + render) and the cost of one durable insert.
# Builds the diary sources with -O -wmo (what `swift build -c release` uses) into one small
# program, so it needs no change to Package.swift and no running daemon.
# Usage: bench/diary.sh            (prints the numbers; paste them under "## Diary" in BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(mktemp -d /tmp/crampd-diary-bench.XXXXXX)
data=$(mktemp -d "${TMPDIR:-/tmp}/crampd-diary-data.XXXXXX")
trap 'rm -rf "$build" "$data"' EXIT

flags=(-O -wmo -parse-as-library -I "$build")
swiftc "${flags[@]}" -module-name POSIX -emit-module -emit-module-path "$build/POSIX.swiftmodule" \
    -emit-library -static -o "$build/libPOSIX.a" Sources/POSIX/*.swift
swiftc "${flags[@]}" -module-name TOML -emit-module -emit-module-path "$build/TOML.swiftmodule" \
    -emit-library -static -o "$build/libTOML.a" Sources/TOML/*.swift
swiftc "${flags[@]}" -module-name CrampCore -emit-module -emit-module-path "$build/CrampCore.swiftmodule" \
    -emit-library -static -o "$build/libCrampCore.a" $(find Sources/CrampCore -name '*.swift')
swiftc "${flags[@]}" -I Sources/CSQLite -module-name SQLite -emit-module -emit-module-path "$build/SQLite.swiftmodule" \
    -emit-library -static -o "$build/libSQLite.a" Sources/SQLite/*.swift
swiftc "${flags[@]}" -I Sources/CSQLite -module-name DiaryBench -o "$build/diary-bench" \
    Sources/CrampDaemon/Diary/*.swift Sources/CrampDaemon/Shell/SystemZoneFiles.swift bench/diary-bench.swift \
    -L "$build" -lCrampCore -lTOML -lPOSIX -lSQLite -lsqlite3

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
echo "sqlite: $(pkg-config --modversion sqlite3), file on $(df -T "$data" | awk 'NR==2 {print $2}')"
"$build/diary-bench" "$data"
