import Testing
@testable import TOML

@Suite struct ValueTests {
    @Test func parsesScalarsOfEveryKind() throws {
        let table = try TOML.parse("""
        s = "a\\tb"
        i = -42
        f = 1.5e3
        b = true
        odt = 1979-05-27T07:32:00.5-07:00
        ldt = 1979-05-27T07:32:00
        ld = 1979-05-27
        lt = 07:32:00.123456789
        """)
        #expect(table["s"]?.value == .string("a\tb"))
        #expect(table["i"]?.value == .integer(-42))
        #expect(table["f"]?.value == .float(1500))
        #expect(table["b"]?.value == .bool(true))
        let date = TOMLLocalDate(year: 1979, month: 5, day: 27)
        #expect(table["odt"]?.value == .offsetDateTime(TOMLOffsetDateTime(
            dateTime: TOMLLocalDateTime(date: date, time: TOMLLocalTime(hour: 7, minute: 32, second: 0, nanosecond: 500_000_000)),
            offsetMinutes: -420)))
        #expect(table["ldt"]?.value == .localDateTime(TOMLLocalDateTime(date: date, time: TOMLLocalTime(hour: 7, minute: 32))))
        #expect(table["ld"]?.value == .localDate(date))
        #expect(table["lt"]?.value == .localTime(TOMLLocalTime(hour: 7, minute: 32, second: 0, nanosecond: 123_456_789)))
    }
}

@Suite struct DocumentTests {
    @Test func toml11FeaturesAreRejectedIn10() throws {
        let inline = "a = {\n  b = 1, # one\n  c = 2,\n}"
        #expect(try TOML.parse(inline, version: .v1_1) == TOML.parse("a = {b = 1, c = 2}"))
        #expect(throws: TOMLError.self) { try TOML.parse(inline, version: .v1_0) }
        let escapes = #"a = "\e\x41""#
        #expect(try TOML.parse(escapes)["a"]?.value == .string("\u{1B}A"))
        #expect(throws: TOMLError.self) { try TOML.parse(escapes, version: .v1_0) }
        #expect(try TOML.parse("a = 07:32")["a"]?.value == .localTime(TOMLLocalTime(hour: 7, minute: 32)))
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let table = try TOML.parse(Array("\u{FEFF}a = 1\r\nb = \"\"\"\r\nx\r\ny\"\"\"\r\n".utf8))
        #expect(table["a"]?.value == .integer(1))
        #expect(table["b"]?.value == .string("x\ny"))
    }

    @Test func tablesArraysOfTablesAndDottedKeysCombine() throws {
        let table = try TOML.parse("""
        [fruit]
        apple.color = "red"
        apple.taste.sweet = true
        [fruit.apple.texture]
        smooth = true
        [[fruit.variety]]
        name = "gala"
        [fruit.variety.size]
        cm = 7
        [[fruit.variety]]
        name = "fuji"
        """)
        let expected = try TOML.parse("""
        fruit = { apple = { color = "red", taste = { sweet = true }, texture = { smooth = true } }, variety = [{ name = "gala", size = { cm = 7 } }, { name = "fuji" }] }
        """)
        #expect(table == expected)
    }

    @Test func dottedKeysMayDefineTablesThatHeadersOnlyCreated() throws {
        // `a.b` exists only on the way to [a.b.c]; a dotted key in [a] defines it.
        let table = try TOML.parse("[a.b.c]\nx = 1\n[a]\nb.y = 2\n[a.b.d]\n")
        #expect(table == (try TOML.parse("a = { b = { c = { x = 1 }, y = 2, d = {} } }")))
        #expect(failure("[a.b.c]\n[a]\nb.y = 2\n[a.b]") == "4:4: table [a.b] was already defined by dotted keys (first defined at line 3, column 1)")
        #expect(failure("[a.b.c]\n[a]\nb.c.y = 2") == #"3:3: dotted key "b.c.y" cannot extend "b.c", a table defined by a header (first defined at line 1, column 6)"#)
    }

    /// The fast float path must agree bit for bit with the correctly rounded
    /// `Double(_:)` on random decimal literals.
    @Test func floatsAreCorrectlyRounded() throws {
        var random = TreeGenerator(seed: 99)
        for _ in 0..<5000 {
            let whole = random.int(0...3) == 0 ? "0" : String(random.int(1...9)) + (0..<random.int(0...9)).map { _ in String(random.int(0...9)) }.joined()
            let fraction = (0..<random.int(0...12)).map { _ in String(random.int(0...9)) }.joined()
            let exponent = random.int(0...1) == 0 ? "" : "e" + String(random.int(-40...40))
            let sign = random.pick(["", "-", "+"])
            var text = sign + whole + (fraction.isEmpty ? "" : "." + fraction) + exponent
            if fraction.isEmpty && exponent.isEmpty { text += ".0" }
            guard case .float(let x) = try TOML.parse("x = \(text)")["x"]?.value, let expected = Double(text) else {
                Issue.record("\(text) is not a float")
                continue
            }
            #expect(x.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    /// Short keys and strings are shared through a small cache: distinct
    /// texts must never be confused, also at the very end of the input.
    @Test func shortStringsKeepTheirOwnText() throws {
        let lines = (0..<3000).map { "k\($0) = 'v\($0 * 7)'" }
        let table = try TOML.parse(lines.joined(separator: "\n"))
        for i in 0..<3000 { #expect(table["k\(i)"]?.value == .string("v\(i * 7)")) }
        #expect(try TOML.parse("a='xy'")["a"]?.value == .string("xy"))
        #expect(try TOML.parse("sixteen_chars_ab = 1")["sixteen_chars_ab"]?.value == .integer(1))
        #expect(try TOML.parse("x = \"seventeen chars..\"")["x"]?.value == .string("seventeen chars.."))
    }

    @Test func integersAndFloatsAtTheLimits() throws {
        let table = try TOML.parse("""
        max = 9_223_372_036_854_775_807
        min = -9223372036854775808
        hex = 0x7FFF_FFFF_FFFF_FFFF
        oct = 0o755
        bin = 0b1010
        big = 1e308
        huge = 1e400
        tiny = 4.9e-324
        negzero = -0.0
        """)
        #expect(table["max"]?.value == .integer(.max))
        #expect(table["min"]?.value == .integer(.min))
        #expect(table["hex"]?.value == .integer(.max))
        #expect(table["oct"]?.value == .integer(0o755))
        #expect(table["bin"]?.value == .integer(10))
        #expect(table["big"]?.value == .float(1e308))
        #expect(table["huge"]?.value == .float(.infinity))
        #expect(table["tiny"]?.value == .float(.leastNonzeroMagnitude))
        guard case .float(let z) = table["negzero"]?.value else { Issue.record("not a float"); return }
        #expect(z.sign == .minus)
    }
}
