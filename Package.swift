// swift-tools-version:6.0
// crampd: a per-user daemon that keeps hydration and electrolytes on schedule.
// The target graph is the architecture; see DESIGN.md in the shared folder and README.md.
import PackageDescription

// `crampd ctl` runs once per command, so the Swift runtime's one-time work shows: by default
// the compiler finds the metadata of concrete generic types (each Codable type's
// `KeyedDecodingContainer<CodingKeys>`) by mangled name, and checking its requirements scans
// every protocol conformance in the binary, about 190k instructions per type. Direct
// metadata accessors skip that: `crampd ctl status` 1.39 -> 1.31 ms (BENCHMARKS.md, Control).
let directMetadata: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]

// Debian 12's valgrind (3.19, used for the instruction counts in BENCHMARKS.md) cannot read
// the DWARF 5 that clang writes by default for C.
let dwarf4: [CSetting] = [.unsafeFlags(["-gdwarf-4"])]

let package = Package(
    name: "crampd",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crampd", targets: ["crampd"]),
        .executable(name: "toml-test-decoder", targets: ["toml-test-decoder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // Hand-written TOML 1.0/1.1 parser and writer. Imports nothing.
        .target(name: "TOML", swiftSettings: directMetadata),
        // The one file reader (regular files only, capped, never blocking), errno text and
        // write loop, below every target that calls libc. Imports nothing.
        .target(name: "POSIX"),
        // Pure domain: config, durations, zones, calendars, schedules, agenda.
        .target(name: "CrampCore", dependencies: ["TOML", "POSIX"], swiftSettings: directMetadata),
        // The one definition of the control protocol.
        .target(name: "CrampProtocol", dependencies: ["CrampCore", "TOML"], swiftSettings: directMetadata),
        // C libraries behind thin typed wrappers. Headers from Debian's libsystemd-dev and
        // libsqlite3-dev; the libraries are loaded on first use (CLazyLibrary), not at exec.
        .target(name: "CLazyLibrary", cSettings: dwarf4),
        .target(name: "CSystemd", dependencies: ["CLazyLibrary"], cSettings: dwarf4),
        .target(name: "Systemd", dependencies: ["CSystemd", "POSIX"]),
        .target(name: "CSQLite", dependencies: ["CLazyLibrary"], cSettings: dwarf4),
        // pidfd_open(2) for reaping hook processes (the one syscall Glibc's module lacks).
        .target(name: "CProcess", cSettings: dwarf4),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        // libX11 and libXext (headers from libx11-dev and libxext-dev) for the X server's idle counter.
        .target(name: "CX11", dependencies: ["CLazyLibrary"], cSettings: dwarf4),
        // The imperative shell: timers, signals, sockets, journal, state.
        .target(name: "CrampDaemon", dependencies: [
            "CrampCore", "CrampProtocol", "Systemd", "SQLite", "TOML", "POSIX", "CX11", "CProcess",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: directMetadata),
        .executableTarget(name: "crampd", dependencies: [
            "CrampDaemon", "CrampCore", "CrampProtocol", "TOML", "POSIX",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: directMetadata),
        .executableTarget(name: "toml-test-decoder", dependencies: ["TOML"]),
        // bench/agenda.sh: the cost of the agenda for 10,000 reminders.
        .executableTarget(name: "agenda-bench", dependencies: ["CrampCore", "CrampDaemon"], path: "bench/agenda"),

        // The seeded generator the property and fuzz tests share.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TOMLTests", dependencies: ["TOML", "TestSupport"]),
        // CrampDaemon for SystemZoneFiles: the core reads no files, its tests hand in the system's tzdata.
        .testTarget(name: "CrampCoreTests", dependencies: ["CrampCore", "CrampDaemon", "TOML", "TestSupport"]),
        .testTarget(name: "CrampProtocolTests", dependencies: ["CrampProtocol", "CrampDaemon", "TestSupport"]),
        .testTarget(name: "SystemdTests", dependencies: ["Systemd", "CLazyLibrary"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "CrampDaemonTests", dependencies: ["CrampDaemon", "CrampCore", "CrampProtocol", "POSIX"]),
        .testTarget(name: "crampdTests", dependencies: ["crampd", "CrampProtocol", "TestSupport"]),
    ]
)
