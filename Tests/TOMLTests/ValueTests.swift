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
