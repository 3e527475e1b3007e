import CrampCore
import Testing

@Suite struct ConfigDurationTests {
    @Test(arguments: [
        ("90s", 90), ("45m", 2700), ("1h30m", 5400), ("1h 30m", 5400), ("2h", 7200), ("0s", 0),
        ("90m", 5400), ("1h2m3s", 3723), ("1h  5s", 3605),
        // systemd's spellings (issue 14 item 13): one grammar for config and ctl.
        ("1h 30min", 5400), ("90min", 5400), ("2d", 172_800), ("1w", 604_800), ("10sec", 10), ("10s", 10),
        ("1 h", 3600), ("1 hour", 3600), ("45 minutes", 2700), ("1w 2d 3h 4min 5sec", 788_645),
        ("2 days", 172_800), ("3hrs", 10_800), ("366d", 31_622_400), ("52w2d", 31_622_400),
    ] as [(String, Int64)])
    func acceptsTheGrammar(text: String, seconds: Int64) {
        #expect(DurationSyntax.parse(text) == .seconds(seconds))
    }

    @Test(arguments: ["", "90", "1.5h", "30m1h", "1h1h", "m", "-5m", " 5m", "5m ", "1M", "1y", "5 mins ago",
                      "1hm", "１０m", "1h30", "d2", "1x"])
    func refusesEverythingElse(text: String) {
        #expect(DurationSyntax.read(text) == .failure(.malformed))
    }

    /// One bound for every duration: 366 days. At the bound, one past it, and at Int64's edge.
    @Test(arguments: ["366d 1s", "367d", "8785h", "99999999999999999999s", "9223372036854775807s",
                      "9223372036854775808h", "2562047788h", "2000000000h", "53w", "9223372036854775807w 9223372036854775807d"])
    func refusesWhatIsTooLong(text: String) {
        #expect(DurationSyntax.read(text) == .failure(.tooLong))
    }

    @Test func theBoundIsAYearWithItsLeapDay() {
        #expect(TimeSpan.maximum == .seconds(366 * 86_400))
        #expect(DurationSyntax.read("31622400s") == .success(.maximum))
        #expect(DurationSyntax.read("31622401s") == .failure(.tooLong))
    }

    @Test func formatsCanonically() {
        #expect(DurationSyntax.format(.seconds(5400)) == "1h30m")
        #expect(DurationSyntax.format(.seconds(90)) == "1m30s")
        #expect(DurationSyntax.format(.hours(2)) == "2h")
        #expect(DurationSyntax.format(.hours(48)) == "2d")
        #expect(DurationSyntax.format(.maximum) == "366d")
        #expect(DurationSyntax.format(.zero) == "0s")
    }

    /// What `format` prints reads back as the same value, for every whole-second duration in the bound.
    @Test func formattedDurationsReadBack() {
        var generator = SystemRandomNumberGenerator()
        let edges: [Int64] = [0, 1, 59, 60, 3599, 3600, 86_399, 86_400, 604_800, 31_622_399, 31_622_400]
        let samples = edges + (0..<2000).map { _ in Int64.random(in: 0...31_622_400, using: &generator) }
        for seconds in samples {
            let text = DurationSyntax.format(.seconds(seconds))
            #expect(DurationSyntax.parse(text) == .seconds(seconds), "\(seconds)s → \(text)")
        }
    }
}
