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
