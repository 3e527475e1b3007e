import TestSupport
import Testing
@testable import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in

/// Examples from the table "Calendar Events" in systemd.time(7): original → normalized form.
let manPageExamples: [(String, String)] = [
    ("Sat,Thu,Mon..Wed,Sat..Sun", "Mon..Thu,Sat,Sun *-*-* 00:00:00"),
    ("Mon,Sun 12-*-* 2,1:23", "Mon,Sun 2012-*-* 01,02:23:00"),
    ("Wed *-1", "Wed *-*-01 00:00:00"),
    ("Wed..Wed,Wed *-1", "Wed *-*-01 00:00:00"),
    ("Wed, 17:48", "Wed *-*-* 17:48:00"),
    ("Wed..Sat,Tue 12-10-15 1:2:3", "Tue..Sat 2012-10-15 01:02:03"),
    ("*-*-7 0:0:0", "*-*-07 00:00:00"),
    ("10-15", "*-10-15 00:00:00"),
    ("monday *-12-* 17:00", "Mon *-12-* 17:00:00"),
    ("Mon,Fri *-*-3,1,2 *:30:45", "Mon,Fri *-*-01,02,03 *:30:45"),
    ("12,14,13,12:20,10,30", "*-*-* 12,13,14:10,20,30:00"),
    ("12..14:10,20,30", "*-*-* 12..14:10,20,30:00"),
    ("mon,fri *-1/2-1,3 *:30:45", "Mon,Fri *-01/2-01,03 *:30:45"),
    ("03-05 08:05:40", "*-03-05 08:05:40"),
    ("08:05:40", "*-*-* 08:05:40"),
    ("05:40", "*-*-* 05:40:00"),
    ("Sat,Sun 12-05 08:05:40", "Sat,Sun *-12-05 08:05:40"),
    ("Sat,Sun 08:05:40", "Sat,Sun *-*-* 08:05:40"),
    ("2003-03-05 05:40", "2003-03-05 05:40:00"),
    ("05:40:23.4200004/3.1700005", "*-*-* 05:40:23.420000/3.170001"),
    ("2003-02..04-05", "2003-02..04-05 00:00:00"),
    ("2003-03-05 05:40 UTC", "2003-03-05 05:40:00 UTC"),
    ("2003-03-05", "2003-03-05 00:00:00"),
    ("03-05", "*-03-05 00:00:00"),
    ("hourly", "*-*-* *:00:00"),
    ("daily", "*-*-* 00:00:00"),
    ("daily UTC", "*-*-* 00:00:00 UTC"),
    ("monthly", "*-*-01 00:00:00"),
    ("weekly", "Mon *-*-* 00:00:00"),
    ("weekly Pacific/Auckland", "Mon *-*-* 00:00:00 Pacific/Auckland"),
    ("yearly", "*-01-01 00:00:00"),
    ("annually", "*-01-01 00:00:00"),
    ("*:2/3", "*-*-* *:02/3:00"),
]

@Suite struct CalendarExpressionTests {
    @Test(arguments: manPageExamples)
    func normalizesLikeTheManPage(original: String, normalized: String) throws {
        #expect(try CalendarExpression.parse(original).normalized == normalized)
    }

    /// The same expressions through the real `systemd-analyze calendar`, when it is installed.
    @Test func normalizesLikeSystemdAnalyze() throws {
        let probe = shellOutput("command -v systemd-analyze")
        try #require(!probe.isEmpty, "systemd-analyze is needed for this test")
        let inputs = manPageExamples.map(\.0) + ["*:*:0/0.5", "Mon..Fri 8..17/2:00", "*-*~01..03/2", "@1234567", "quarterly", "semi-annually", "*-02~03 12:00"]
        for input in inputs {
            let out = shellOutput("TZ=UTC systemd-analyze calendar '\(input)' 2>&1")
            let line = out.split(separator: "\n").first { $0.contains("Normalized form:") }
            let theirs = line.map { String($0.split(separator: ":", maxSplits: 1)[1].dropFirst()) }
            #expect(try CalendarExpression.parse(input).normalized == theirs, "\(input)")
        }
    }

    @Test(arguments: ["", " ", "*", "12", "Mon,,", "Fri..Mon", "Mond", "2026-13-01", "*-*-32", "24:00", "*:60", "12:00:60",
                      "*:5/0", "*:30/30", "*-*~29", "*-*~5/5", "*-*-5..3", "*/2:00", "12:00 ", "*-*-*\t12:00", "@-1", "@7258118400",
                      "1969-01-01", "*:*:1.5..2", "daily europe/berlin", "2026-01-01T12:00", "*-*~1,28/5"])
    func rejects(text: String) {
        #expect(throws: CalendarError.self) { try CalendarExpression.parse(text) }
    }

    @Test func errorsSayWhatWasExpectedAndWhere() {
        do {
            _ = try CalendarExpression.parse("Mon,, 12:00")
            Issue.record("accepted")
        } catch {
            #expect(error.message == "invalid calendar expression \"Mon,, 12:00\": expected a weekday name, got \", 12:00\"")
            #expect(error.offset == 4)
        }
        #expect(throws: CalendarError(message: "invalid calendar expression \"*:60\": minute 60 is outside 0...59")) {
            try CalendarExpression.parse("*:60")
        }
    }

    @Test func twoDigitYearsAndTrailingZones() throws {
        #expect(try CalendarExpression.parse("69-01-01").normalized == "2069-01-01 00:00:00")
        #expect(try CalendarExpression.parse("70-01-01").normalized == "1970-01-01 00:00:00")
        let berlin = try Zone.named("Europe/Berlin")
        #expect(try CalendarExpression.parse("daily CEST", localZone: berlin).zone == .localAbbreviation("CEST", isDaylightSaving: true))
        #expect(try CalendarExpression.parse("daily Europe/Berlin").zone == .named(berlin))
        #expect(try CalendarExpression.parse("@1234567").normalized == "1970-01-15 06:56:07 UTC")
    }

    @Test func springForwardSkipsTheMissingTimeLikeSystemd() throws {
        let berlin = try Zone.named("Europe/Berlin")
        let e = try CalendarExpression.parse("*-*-* 02:30")
        let first = e.nextElapse(after: utc(2026, 3, 28, 12), in: berlin)
        // 2026-03-29 02:30 does not exist in Berlin: the next is 03-30 02:30 CEST.
        #expect(first == utc(2026, 3, 30, 0, 30))
    }

    @Test func fallBackFiresOnceAtTheFirstOccurrence() throws {
        let berlin = try Zone.named("Europe/Berlin")
        let e = try CalendarExpression.parse("*-*-* 02:30")
        let first = try #require(e.nextElapse(after: utc(2026, 10, 24, 12), in: berlin))
        #expect(first == utc(2026, 10, 25, 0, 30))
        #expect(e.nextElapse(after: first, in: berlin) == utc(2026, 10, 26, 1, 30))
    }

    @Test func fractionalSecondsElapseToTheMicrosecond() throws {
        let e = try CalendarExpression.parse("*:*:0/0.25")
        let t = utc(2026, 1, 1)
        #expect(e.nextElapse(after: t, in: .utc) == t + TimeSpan(microseconds: 250_000))
    }

    @Test func utcAndNamedZonesIgnoreTheLocalZone() throws {
        let kolkata = try Zone.named("Asia/Kolkata")
        #expect(try CalendarExpression.parse("daily UTC").nextElapse(after: utc(2026, 1, 1, 12), in: kolkata) == utc(2026, 1, 2))
        #expect(try CalendarExpression.parse("daily Asia/Kolkata").nextElapse(after: utc(2026, 1, 1, 12), in: .utc) == utc(2026, 1, 1, 18, 30))
    }

    @Test func neverAgain() throws {
        #expect(try CalendarExpression.parse("2020-01-01").nextElapse(after: utc(2026, 1, 1), in: .utc) == nil)
        #expect(try CalendarExpression.parse("*-02-30").nextElapse(after: utc(2026, 1, 1), in: .utc) == nil)
        #expect(try CalendarExpression.parse("*-02-29").nextElapse(after: utc(2026, 1, 1), in: .utc) == utc(2028, 2, 29))
    }
}

/// Random expressions from a small grammar, for the properties below.
func randomCalendarExpression(_ g: inout SplitMix64) -> String {
    func chain(_ lo: Int, _ hi: Int, star: Int) -> String {
        if g.int(0...99) < star { return "*" }
        return (0..<g.int(1...2)).map { _ in
            let a = g.int(lo...hi)
            switch g.int(0...3) {
            case 0: return "\(a)"
            case 1: return "\(a)..\(g.int(a...hi))"
            case 2: return "\(a)/\(g.int(1...max(1, (hi - lo) / 2)))"
            default: return "\(a)"
            }
        }.joined(separator: ",")
    }
    var parts: [String] = []
    if g.int(0...3) == 0 { parts.append(["Mon..Fri", "Sat,Sun", "Sun", "Tue,Thu"][g.int(0...3)]) }
    if g.int(0...1) == 0 { parts.append("*-\(chain(1, 12, star: 60))-\(chain(1, 31, star: 50))") }
    parts.append("\(chain(0, 23, star: 30)):\(chain(0, 59, star: 30)):\(chain(0, 59, star: 10))")
    return parts.joined(separator: " ")
}

@Suite struct CalendarPropertyTests {
    @Test func nextIsLaterMonotoneAndAlwaysANamedLocalTime() throws {
        var g = SplitMix64(state: 7)
        let zones = try oracleZones.map { try Zone.named($0) }
        let bases = [utc(2026, 3, 28, 20), utc(2026, 10, 24, 20), utc(2026, 4, 4, 10), utc(2026, 10, 3, 10), utc(2018, 11, 3, 20), utc(2028, 2, 28)]
        var checked = 0
        for _ in 0..<150 {
            let text = randomCalendarExpression(&g)
            guard let e = try? CalendarExpression.parse(text) else { continue }
            let zone = zones[g.int(0...zones.count - 1)]
            var t = bases[g.int(0...bases.count - 1)]
            for _ in 0..<20 {
                guard let n = e.nextElapse(after: t, in: zone) else { break }
                #expect(n > t, "\(text) in \(zone)")
                // Every elapse is a wall-clock time the expression names: a skipped 02:30 never
                // turns into 03:30.
                let local = zone.localDateTime(at: n)
                #expect(matches(e, local), "\(text) in \(zone) elapsed at \(local)")
                // Monotone: starting later never gives an earlier elapse. Except, like systemd,
                // from inside the second occurrence of a repeated hour, whose times are then
                // found again (a chain of elapses still shows each local time once).
                // Also except open repetitions (`00/10` hours): systemd lets them run past the
                // field's end (hour 30 is tomorrow 06:00) and then skips; we match it there.
                let probe = t + TimeSpan(microseconds: (n - t).microseconds / 3)
                let openRepeat = [e.years, e.months, e.days, e.hours, e.minutes, e.seconds].contains { chain in
                    chain?.contains { $0.repeatStep > 0 && $0.stop < 0 } ?? false
                }
                if !openRepeat, let m = e.nextElapse(after: probe, in: zone) {
                    if case .repeated = zone.resolve(zone.localDateTime(at: probe)) { #expect(m > probe) } else {
                        #expect(m >= n, "\(text) in \(zone) from \(probe.seconds) after \(t.seconds)")
                    }
                }
                t = n
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    func matches(_ e: CalendarExpression, _ l: LocalDateTime) -> Bool {
        func ok(_ chain: CalendarChain?, _ v: Int) -> Bool {
            guard let chain else { return true }
            return chain.contains { c in
                if c.repeatStep == 0 { return v == c.start }
                return v >= c.start && (c.stop < 0 || v <= c.stop) && (v - c.start) % c.repeatStep == 0
            }
        }
        let weekdayOK = e.weekdayBits == 0 || e.weekdayBits & (1 << l.date.weekday.rawValue) != 0
        return weekdayOK && ok(e.years, l.date.year) && ok(e.months, l.date.month) && ok(e.days, l.date.day)
            && ok(e.hours, l.time.hour) && ok(e.minutes, l.time.minute)
            && ok(e.seconds, l.time.second * 1_000_000 + l.time.microsecond)
    }
}
