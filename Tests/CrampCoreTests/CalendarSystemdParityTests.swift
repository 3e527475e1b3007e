import Testing
@testable import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in

/// Regression cases next to DST changes, each measured with `systemd-analyze calendar`
/// (systemd 252.39, glibc 2.36) under the same `TZ`, base time and iterations; elapses in UTC.
@Suite struct CalendarSystemdParityTests {
    /// The elapses of one `crampd calendar`-like run: one session from the base time on.
    func run(_ text: String, in zoneName: String, after base: Instant? = nil, baseLocal: LocalDateTime? = nil,
             iterations: Int) throws -> [Instant] {
        var session = CalendarSession(zone: try Zone.named(zoneName))
        var t = try #require(base ?? baseLocal.flatMap { session.instant(of: $0) })
        let e = try CalendarExpression.parse(text, in: session)
        var out: [Instant] = []
        for _ in 0..<iterations {
            guard case .elapse(let next) = session.nextElapse(of: e, after: t) else { break }
            out.append(next)
            t = next
        }
        return out
    }

    /// Dublin's winter GMT is the flagged side, so glibc normalizes 01:00 in the spring-forward
    /// gap back to 00:00 GMT. Debian's systemd 252 then moves an hour on and stops forcing
    /// `tm_isdst`: the carried GMT flag makes every later summer-time March 30 normalize an hour
    /// off, and the search jumps to the next year whose March 30 is still in winter.
    @Test func dublinSkipsSummerYearsAfterAnElapseOnItsSpringForwardDay() throws {
        let elapses = try run("*-03-30", in: "Europe/Dublin", baseLocal: local(2026, 12, 31, 23, 59, 30), iterations: 12)
        #expect(elapses == [utc(2027, 3, 29, 23), utc(2028, 3, 29, 23), utc(2029, 3, 29, 23), utc(2030, 3, 30),
                            utc(2031, 3, 30), utc(2036, 3, 30), utc(2041, 3, 30), utc(2042, 3, 30), utc(2047, 3, 30),
                            utc(2048, 3, 29, 23), utc(2049, 3, 29, 23), utc(2050, 3, 29, 23)])
    }

    /// A trailing abbreviation forces `tm_isdst` only at the top of each search round; the
    /// bounds checks normalize the candidate with the flag it carries.
    @Test func localAbbreviationsNextToAChange() throws {
        #expect(try run("*-*-* *:41..41/1,30..55/10,45..50 +11", in: "Australia/Lord_Howe",
                        after: Instant(seconds: 1_775_313_000), iterations: 12)
                == [40, 41, 45, 46, 47, 48, 49, 50].map { utc(2026, 4, 4, 14, $0) } + [utc(2026, 4, 4, 16)])
        #expect(try run("Wed,Tuesday,Saturday..Sun *:09,30..34,09:42.999999 +11", in: "Australia/Lord_Howe",
                        after: Instant(seconds: 1_775_314_799), iterations: 3)
                == [utc(2026, 4, 4, 15, 39, 42) + TimeSpan(microseconds: 999_999)])
        let fraction = TimeSpan(microseconds: 999_999)
        #expect(try run("*:21,20/14,01..4/2:39.999999 CEST", in: "Europe/Berlin",
                        after: Instant(seconds: 1_792_891_200), iterations: 12)
                == [utc(2026, 10, 25, 0, 20, 39), utc(2026, 10, 25, 0, 21, 39), utc(2026, 10, 25, 0, 34, 39),
                    utc(2026, 10, 25, 0, 48, 39), utc(2026, 10, 25, 2, 1, 39)].map { $0 + fraction })
        #expect(try run("Wed,Thu..Friday,Sunday 00..11,13..14,14:15..18,16,0 IST", in: "Europe/Dublin",
                        after: Instant(seconds: 1_792_888_200), iterations: 12)
                == [utc(2026, 10, 25, 2)])
    }

    /// glibc's probing inside a gap (oscillating between the two offsets) decides where a
    /// nonexistent time lands; São Paulo skipped midnight on 2018-11-04.
    @Test func saoPauloMidnightGap() throws {
        #expect(try run("*:23/15", in: "America/Sao_Paulo", after: Instant(seconds: 1_541_300_400), iterations: 5)
                == [utc(2018, 11, 4, 3, 23), utc(2018, 11, 4, 3, 38), utc(2018, 11, 4, 3, 53),
                    utc(2018, 11, 4, 4, 23), utc(2018, 11, 4, 4, 38)])
    }

    /// Lord Howe's spring-forward gap is half an hour (02:00 to 02:30).
    @Test func lordHoweHalfHourGap() throws {
        let octoberSecond = [(2, 16), (2, 17), (3, 0), (3, 1), (3, 5), (3, 8), (3, 9)].map { utc(2026, 10, $0.0, $0.1, 29) }
        let octoberTwentyNinth = [(29, 15), (29, 16), (29, 23), (30, 0), (30, 4)].map { utc(2026, 10, $0.0, $0.1, 59) }
        #expect(try run("10-03,30 03/8,15,02/8:59", in: "Australia/Lord_Howe",
                        after: Instant(seconds: 1_775_316_000), iterations: 12) == octoberSecond + octoberTwentyNinth)
    }

    /// `tzname` follows the last local-time conversion, so which abbreviations parse depends on it.
    @Test func timeZoneNamesFollowTheLastConversion() throws {
        let saoPaulo = try Zone.named("America/Sao_Paulo")
        #expect(saoPaulo.glibcTimeZoneNames == ("-03", "-02"))
        #expect(saoPaulo.glibcTimeZoneNames(afterLocaltimeAt: 1_800_000_000) == ("-03", "-03"))
        let lordHowe = try Zone.named("Australia/Lord_Howe")
        #expect(lordHowe.glibcTimeZoneNames == ("+1030", "+11"))
        #expect(lordHowe.glibcTimeZoneNames(afterLocaltimeAt: 2_140_000_000) == ("+11", "+11"))
        #expect(lordHowe.glibcTimeZoneNames(afterLocaltimeAt: 0) == ("AEST", "+1130"))
        let kolkata = try Zone.named("Asia/Kolkata")
        #expect(kolkata.glibcTimeZoneNames == ("IST", "+0630"))
        #expect(kolkata.glibcTimeZoneNames(afterLocaltimeAt: 1_800_000_000) == ("IST", "IST"))

        // systemd-analyze accepts `daily -02` in São Paulo from @1546300800 (no conversion
        // before the parse), and rejects it after reading the base time 2026-06-01 12:00:00.
        var fresh = CalendarSession(zone: saoPaulo)
        #expect(try CalendarExpression.parse("daily -02", in: fresh).zone == .localAbbreviation("-02", isDaylightSaving: true))
        _ = fresh.instant(of: local(2026, 6, 1, 12))
        #expect(throws: CalendarError.self) { try CalendarExpression.parse("daily -02", in: fresh) }
    }
}
