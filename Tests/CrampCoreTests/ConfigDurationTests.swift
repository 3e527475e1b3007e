import CrampCore
import Testing

@Suite struct ConfigDurationTests {
    @Test(arguments: [
        ("90s", 90), ("45m", 2700), ("1h30m", 5400), ("1h 30m", 5400), ("2h", 7200), ("0s", 0),
        ("90m", 5400), ("1h2m3s", 3723), ("1h  5s", 3605),
    ] as [(String, Int64)])
    func acceptsTheGrammar(text: String, seconds: Int64) {
        #expect(DurationSyntax.parse(text) == .seconds(seconds))
    }

    @Test(arguments: ["", "90", "1.5h", "30m1h", "1h1h", "m", "1 h", "-5m", " 5m", "5m ", "1d", "5min", "99999999999999999999s"])
    func refusesEverythingElse(text: String) {
        #expect(DurationSyntax.parse(text) == nil)
    }

    @Test func formatsCanonically() {
        #expect(DurationSyntax.format(.seconds(5400)) == "1h30m")
        #expect(DurationSyntax.format(.seconds(90)) == "1m30s")
        #expect(DurationSyntax.format(.hours(2)) == "2h")
        #expect(DurationSyntax.format(.zero) == "0s")
    }
}
