import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in
import Testing
import TOML

/// Damaged configs never crash the loader, and every diagnostic points inside a file it names.
@Suite struct ConfigRobustnessTests {
    /// xorshift64*: deterministic, so a failure can be replayed from its seed.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return Int((state &* 2_685_821_657_736_338_717) % UInt64(bound))
        }
    }

    static let replacements = ["\"\"", "0", "-1", "[]", "\"25:00\"", "\"0m\"", "\"mon..\"", "true", "\"x\"", "{}", "\"08:00-08:00\""]

    /// The default config with a few lines dropped, duplicated or given another value.
    static func mutate(_ text: String, _ random: inout Random) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<(1 + random.next(3)) {
            let index = random.next(lines.count)
            switch random.next(3) {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index)
            default:
                if let equals = lines[index].firstIndex(of: "="), !lines[index].hasPrefix("#") {
                    lines[index] = lines[index][...equals] + " " + replacements[random.next(replacements.count)]
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func everyDiagnosticPointsIntoItsFile() {
        var random = Random(state: 0x5EED_C0FF_EE)
        var failures = 0
        for _ in 0..<500 {
            let source = SourceText(name: "config.toml", text: Self.mutate(DefaultConfig.text, &random))
            guard case .failure(let failure) = ConfigLoader.load([source]) else { continue }
            failures += 1
            #expect(!failure.diagnostics.isEmpty)
            for diagnostic in failure.diagnostics {
                #expect(diagnostic.source == "config.toml")
                #expect((0...source.bytes.count).contains(diagnostic.offset), "\(diagnostic.message)")
                #expect(!diagnostic.message.isEmpty)
            }
            #expect(failure.rendered().contains("config.toml:"))
        }
        #expect(failures > 100, "the mutations should break the config often")
    }
}
