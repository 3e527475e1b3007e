import TestSupport
import Testing
@testable import TOML

@Suite struct WriterTests {
    @Test func writesCanonicalReadableTOML() throws {
        let table = try TOML.parse(#"""
        title = "crampd"
        [daemon]
        journal = true
        note = "line1\nline2 \"q\""
        "odd key" = 'C:\x'
        ratios = [0.1, 1e-5, 5e22, -0.0, inf, -inf, nan, 1.0]
        when = 1979-05-27T07:32:00.120-07:00
        [[reminder]]
        name = "water"
        days = ["mon", "tue"]
        action = { kind = "desktop" }
        [reminder.window]
        from = 08:00
        [[reminder]]
        name = "salt"
        mixed = [1, "a", {x = 1, y.z = [2]}, [2, 3]]
        [a.b.c]
        d = 1
        [e]
        """#)
        #expect(TOML.write(table) == #"""
        title = "crampd"

        [daemon]
        journal = true
        note = """
        line1
        line2 "q\""""
        "odd key" = "C:\\x"
        ratios = [0.1, 1e-05, 5e+22, -0.0, inf, -inf, nan, 1.0]
        when = 1979-05-27T07:32:00.120-07:00

        [[reminder]]
        name = "water"
        days = ["mon", "tue"]

        [reminder.action]
        kind = "desktop"

        [reminder.window]
        from = 08:00:00

        [[reminder]]
        name = "salt"
        mixed = [1, "a", { x = 1, y = { z = [2] } }, [2, 3]]

        [a.b.c]
        d = 1

        [e]

        """#)
    }

    @Test func longArraysGetOneElementPerLine() throws {
        let words = (0..<12).map { "\"word\($0)\"" }.joined(separator: ", ")
        let table = try TOML.parse("list = [\(words)]\nnested = [[1, 2], [\(words)]]")
        #expect(TOML.write(table) == """
        list = [
            "word0",
            "word1",
            "word2",
            "word3",
            "word4",
            "word5",
            "word6",
            "word7",
            "word8",
            "word9",
            "word10",
            "word11",
        ]
        nested = [
            [1, 2],
            [
                "word0",
                "word1",
                "word2",
                "word3",
                "word4",
                "word5",
                "word6",
                "word7",
                "word8",
                "word9",
                "word10",
                "word11",
            ],
        ]

        """)
    }

    @Test func quotesKeysAndEscapesStringsOnlyWhereNeeded() {
        #expect(Writer.key("every") == "every")
        #expect(Writer.key("a-b_1") == "a-b_1")
        #expect(Writer.key("") == #""""#)
        #expect(Writer.key("a.b") == #""a.b""#)
        #expect(Writer.key("café") == #""café""#)
        #expect(Writer.basicString("tab\there \"q\" \\ \u{7F}\u{1B}\r") == #""tab\there \"q\" \\ \u007F\u001B\r""#)
        // Two escaped quotes then a plain one: no run of three, none before the delimiter.
        #expect(Writer.multiLineString("a\n\"\"\"b\"") == "\"\"\"\na\n\\\"\\\"\"b\\\"\"\"\"")
    }

    @Test func floatsRoundTripExactly() throws {
        let samples: [Double] = [0.1, -0.0, 0.0, Double(bitPattern: 2_025), .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                 -.greatestFiniteMagnitude, 123456789.123456789, .leastNormalMagnitude, 1 / 3, .infinity, -.infinity]
        for x in samples {
            var table = TOMLTable()
            table["x"] = TOMLNode(.float(x))
            let again = try TOML.parse(TOML.write(table))
            guard case .float(let y) = again["x"]?.value else { Issue.record("not a float: \(x)"); continue }
            #expect(y.bitPattern == x.bitPattern, "\(x) came back as \(y)")
        }
        var nan = TOMLTable()
        nan["x"] = TOMLNode(.float(.nan))
        #expect(TOML.write(nan) == "x = nan\n")
    }

    /// parse(write(v)) == v over generated value trees, for both TOML versions,
    /// and writing is deterministic: write(parse(write(v))) == write(v).
    @Test(arguments: [1, 2, 3, 4])
    func roundTripsGeneratedTrees(seed: UInt64) throws {
        var generator = TreeGenerator(seed: seed)
        for _ in 0..<500 {
            let table = generator.table(depth: 0)
            let text = TOML.write(table)
            for version in [TOMLVersion.v1_0, .v1_1] {
                let parsed: TOMLTable
                do {
                    parsed = try TOML.parse(text, version: version)
                } catch {
                    Issue.record("writer output does not parse: \(error.rendered(in: SourceText(name: "written", text: text)))")
                    return
                }
                #expect(sameBits(.table(parsed), .table(table)), "round trip changed:\n\(text)")
                #expect(TOML.write(parsed) == text)
            }
        }
    }
}

/// Equality that also tells -0.0 from 0.0 (TOMLValue's == does not).
func sameBits(_ a: TOMLValue, _ b: TOMLValue) -> Bool {
    switch (a, b) {
    case let (.float(x), .float(y)): return x.isNaN ? y.isNaN : x.bitPattern == y.bitPattern
    case let (.array(x), .array(y)):
        return x.count == y.count && zip(x, y).allSatisfy { sameBits($0.value, $1.value) }
    case let (.table(x), .table(y)):
        return x.count == y.count && x.entries.allSatisfy { entry in
            y[entry.key].map { sameBits(entry.node.value, $0.value) } ?? false
        }
    default: return a == b
    }
}

/// Seeded random value trees (SplitMix64), covering every kind of value,
/// awkward keys and strings, extreme numbers and all date/time forms.
struct TreeGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { random.next() }
    mutating func int(_ range: ClosedRange<Int>) -> Int { random.int(range) }
    mutating func pick<T>(_ items: [T]) -> T { random.pick(items) }

    static let keys = ["a", "b", "every", "name", "", " ", "a b", "a.b", "café", "\"", "'", "\\", "1", "-", "_x", "\u{1F600}", "tab\t", "[x]", "=", "#"]

    mutating func table(depth: Int) -> TOMLTable {
        var table = TOMLTable()
        for _ in 0..<int(0...(depth == 0 ? 7 : 4)) {
            table[pick(Self.keys) + (int(0...3) == 0 ? String(int(0...99)) : "")] = TOMLNode(value(depth: depth + 1))
        }
        return table
    }

    mutating func value(depth: Int) -> TOMLValue {
        let kinds = depth > 4 ? 8 : 11
        switch int(0...kinds - 1) {
        case 0: return .string(string())
        case 1: return .integer(pick([0, 1, -1, .max, .min, Int64(bitPattern: next())]))
        case 2: return .float(float())
        case 3: return .bool(int(0...1) == 0)
        case 4: return .offsetDateTime(TOMLOffsetDateTime(dateTime: dateTime(), offsetMinutes: int(-1439...1439)))
        case 5: return .localDateTime(dateTime())
        case 6: return .localDate(date())
        case 7: return .localTime(time())
        case 8: return .array((0..<int(0...4)).map { _ in TOMLNode(value(depth: depth + 1)) })
        case 9: return .array((0..<int(1...3)).map { _ in TOMLNode(.table(table(depth: depth + 1))) })
        default: return .table(table(depth: depth))
        }
    }

    mutating func string() -> String {
        let pieces = ["a", "water", " ", "\"", "\"\"\"", "'''", "\\", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}",
                      "é", "東京", "\u{1F4A7}", "#", "=", "[", "}", "\\n", "\u{FEFF}"]
        return (0..<int(0...6)).map { _ in pick(pieces) }.joined()
    }

    mutating func float() -> Double {
        switch int(0...5) {
        case 0: return pick([0.0, -0.0, .infinity, -.infinity, .nan, 0.1, 1e300, .leastNonzeroMagnitude, -1.5])
        case 1: return Double(int(-1_000_000...1_000_000)) / 1000
        default:
            let x = Double(bitPattern: next())
            return x.isNaN ? 1.0 : x
        }
    }

    mutating func date() -> TOMLLocalDate {
        let year = int(0...9999), month = int(1...12)
        return TOMLLocalDate(year: year, month: month, day: int(1...daysIn(month: month, year: year)))
    }

    mutating func time() -> TOMLLocalTime {
        let nanosecond = pick([0, int(0...999) * 1_000_000, int(0...999_999) * 1000, int(0...999_999_999)])
        return TOMLLocalTime(hour: int(0...23), minute: int(0...59), second: int(0...59), nanosecond: nanosecond)
    }

    mutating func dateTime() -> TOMLLocalDateTime { TOMLLocalDateTime(date: date(), time: time()) }
}
