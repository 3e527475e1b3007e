// Load + validate the built-in default config many times; print per-load wall time.
// Built by bench/config.sh against the release objects of TOML and CrampCore.
//   config-bench [ITERATIONS] [all|load]   ("load" skips the parse-only figure, for callgrind)
import CrampCore
import Glibc
import TOML

func nowNanoseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
}

let arguments = CommandLine.arguments
let iterations = arguments.count > 1 ? Int(arguments[1])! : 5000
let mode = arguments.count > 2 ? arguments[2] : "all"
let source = SourceText(name: DefaultConfig.name, text: DefaultConfig.text)

/// Runs `body` as often as asked (after as many warm-up runs, at most 200) and prints percentiles.
func measure(_ label: String, _ body: () -> Bool) {
    for _ in 0..<min(iterations, 200) { precondition(body(), "BUG: \(label) failed") }
    var samples: [Int64] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = nowNanoseconds()
        let ok = body()
        samples.append(nowNanoseconds() - start)
        precondition(ok, "BUG: \(label) failed")
    }
    guard !samples.isEmpty else { return }
    samples.sort()
    func micro(_ ns: Int64) -> String {
        let tenths = (ns + 50) / 100
        return "\(tenths / 10).\(tenths % 10) µs"
    }
    func percentile(_ q: Double) -> Int64 { samples[min(samples.count - 1, Int(Double(samples.count) * q))] }
    print("\(label): median \(micro(percentile(0.5))), p90 \(micro(percentile(0.9))), p99 \(micro(percentile(0.99))), min \(micro(samples[0])) over \(iterations) runs")
}

/// The default config names no zone, so the bench hands in none: it measures parsing and checking, not tzdata reads.
struct NoZones: ZoneProvider {
    let location = "(none)"
    func tzif(named name: String) -> [UInt8]? { nil }
    func contents(ofFile path: String) -> [UInt8]? { nil }
    func symlinkTarget(_ path: String) -> String? { nil }
}
let zones = TZDatabase(NoZones())

if mode == "all" {
    measure("TOML parse only        ") { (try? TOML.parse(source.bytes)) != nil }
}
measure("load + validate default") { if case .success = ConfigLoader.load([source], zones: zones) { true } else { false } }
