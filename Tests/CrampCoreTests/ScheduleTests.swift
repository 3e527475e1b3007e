import TestSupport
import Testing
@testable import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in

func hm(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m) }

@Suite struct ScheduleTests {
    let berlin = try! Zone.named("Europe/Berlin")

    @Test func atFiresAtEachTimeOnAllowedDays() {
        let s = Schedule.at(AtSchedule(times: [hm(21, 0), hm(8, 30)], days: [.monday, .wednesday]))
        // 2026-11-25 is a Wednesday.
        let start = utc(2026, 11, 25, 6)
        let first = s.nextDue(after: start, in: berlin, lastDone: nil)
        #expect(first == utc(2026, 11, 25, 7, 30))
        let second = s.nextDue(after: first!, in: berlin, lastDone: nil)
        #expect(second == utc(2026, 11, 25, 20))
        #expect(s.nextDue(after: second!, in: berlin, lastDone: nil) == utc(2026, 11, 30, 7, 30))
    }

    @Test func atSkipsAGapAndFiresARepeatOnce() {
        let s = Schedule.at(AtSchedule(times: [hm(2, 30)]))
        #expect(s.nextDue(after: utc(2026, 3, 28, 12), in: berlin, lastDone: nil) == utc(2026, 3, 30, 0, 30))
        let repeated = s.nextDue(after: utc(2026, 10, 24, 12), in: berlin, lastDone: nil)
        #expect(repeated == utc(2026, 10, 25, 0, 30))
        // Not again at the second 02:30 (01:30 UT), but the next day.
        #expect(s.nextDue(after: repeated!, in: berlin, lastDone: nil) == utc(2026, 10, 26, 1, 30))
    }

    @Test func everyWithinWindows() {
        let s = Schedule.every(EverySchedule(interval: .minutes(45), windows: [DailyWindow(start: hm(8, 0), end: hm(10, 0))]))
        var t = utc(2026, 7, 1, 0)
        var got: [Instant] = []
        for _ in 0..<4 { t = s.nextDue(after: t, in: berlin, lastDone: nil)!; got.append(t) }
        // 08:00, 08:45, 09:30 CEST, then 08:00 the next day.
        #expect(got == [utc(2026, 7, 1, 6), utc(2026, 7, 1, 6, 45), utc(2026, 7, 1, 7, 30), utc(2026, 7, 2, 6)])
    }

    @Test func windowCrossingMidnightBelongsToItsStartDay() {
        // Fridays only, 22:00-02:00 every hour: Friday 22, 23, Saturday 00, 01, then next Friday.
        let s = Schedule.every(EverySchedule(interval: .hours(1), windows: [DailyWindow(start: hm(22, 0), end: hm(2, 0))], days: [.friday]))
        let z = Zone.utc
        var t = utc(2026, 11, 27, 12)  // a Friday
        var got: [Instant] = []
        for _ in 0..<5 { t = s.nextDue(after: t, in: z, lastDone: nil)!; got.append(t) }
        #expect(got == [utc(2026, 11, 27, 22), utc(2026, 11, 27, 23), utc(2026, 11, 28, 0), utc(2026, 11, 28, 1), utc(2026, 12, 4, 22)])
    }

    @Test func lastDoneAnchorCountsFromConfirmation() {
        let s = Schedule.every(EverySchedule(interval: .minutes(90), windows: [DailyWindow(start: hm(8, 0), end: hm(20, 0))], anchor: .lastDone))
        let z = Zone.utc
        #expect(s.nextDue(after: utc(2026, 5, 1, 10), in: z, lastDone: utc(2026, 5, 1, 9, 50)) == utc(2026, 5, 1, 11, 20))
        // Outside the window: clamped to the next window start.
        #expect(s.nextDue(after: utc(2026, 5, 1, 19), in: z, lastDone: utc(2026, 5, 1, 19)) == utc(2026, 5, 2, 8))
        // Without lastDone: like the window anchor.
        #expect(s.nextDue(after: utc(2026, 5, 1, 10), in: z, lastDone: nil) == utc(2026, 5, 1, 11))
    }

    @Test func everyAcrossDSTKeepsRealIntervals() {
        let s = Schedule.every(EverySchedule(interval: .hours(1)))
        var t = utc(2026, 10, 24, 23)
        for _ in 0..<6 {
            let n = s.nextDue(after: t, in: berlin, lastDone: nil)!
            #expect(n - t == .hours(1))
            t = n
        }
    }

    @Test func calendarWhereSystemdFailsIsRetriedAnHourLater() throws {
        // systemd-analyze 252 in America/Sao_Paulo from 2018-11-03 21:00 -03 (the night the
        // clock skipped midnight): "Infinite loop in calendar calculation" for `11/8:15`.
        let saoPaulo = try Zone.named("America/Sao_Paulo")
        let e = try CalendarExpression.parse("11/8:15")
        let start = utc(2018, 11, 4, 0)
        guard case .failed = e.nextElapseOutcome(after: start, in: saoPaulo) else {
            Issue.record("expected systemd's failure here"); return
        }
        // The reminder is not lost: 11:15 -02 the next morning.
        #expect(Schedule.calendar(e).nextDue(after: start, in: saoPaulo, lastDone: nil) == utc(2018, 11, 4, 13, 15))
    }

    @Test func intervalsLongerThanAWeek() {
        // Every 10 days inside 09:00-10:00: on days whose number since 1970-01-01 is a multiple
        // of 10 (2026-05-07 is day 20580), whenever it is asked.
        let s = Schedule.every(EverySchedule(interval: .hours(240), windows: [DailyWindow(start: hm(9, 0), end: hm(10, 0))]))
        #expect(CivilDate(year: 2026, month: 5, day: 7).daysSinceEpoch == 20_580)
        let first = s.nextDue(after: utc(2026, 5, 1, 12), in: .utc, lastDone: nil)
        #expect(first == utc(2026, 5, 7, 9))
        #expect(s.nextDue(after: utc(2026, 5, 6, 12), in: .utc, lastDone: nil) == first)
        #expect(s.nextDue(after: first!, in: .utc, lastDone: nil) == utc(2026, 5, 17, 9))
        // last-done: ten days after the confirmation, moved into the window.
        let l = Schedule.every(EverySchedule(interval: .hours(240), windows: [DailyWindow(start: hm(9, 0), end: hm(10, 0))], anchor: .lastDone))
        #expect(l.nextDue(after: utc(2026, 5, 1, 12), in: .utc, lastDone: utc(2026, 5, 1, 11)) == utc(2026, 5, 12, 9))
        #expect(l.nextDue(after: utc(2026, 5, 1, 12), in: .utc, lastDone: utc(2026, 5, 1, 9, 30)) == utc(2026, 5, 11, 9, 30))
    }

    @Test func noDaysOrTimesMeansNever() {
        #expect(Schedule.at(AtSchedule(times: [hm(8, 0)], days: [])).nextDue(after: utc(2026, 1, 1), in: berlin, lastDone: nil) == nil)
        #expect(Schedule.at(AtSchedule(times: [])).nextDue(after: utc(2026, 1, 1), in: berlin, lastDone: nil) == nil)
        #expect(Schedule.every(EverySchedule(interval: .hours(1), days: [])).nextDue(after: utc(2026, 1, 1), in: berlin, lastDone: nil) == nil)
    }

    /// Random schedules in every oracle zone around DST changes.
    func randomSchedule(_ g: inout SplitMix64) -> Schedule {
        let days = Set(Weekday.allCases.filter { _ in g.int(0...3) > 0 })
        let daysOrAll = days.isEmpty ? [.monday] : days
        if g.int(0...2) == 0 {
            let times = (0..<g.int(1...4)).map { _ in TimeOfDay(hour: g.int(0...23), minute: [0, 15, 30, 45, 59][g.int(0...4)]) }
            return .at(AtSchedule(times: times, days: daysOrAll))
        }
        let windows = (0..<g.int(0...3)).map { _ in DailyWindow(start: hm(g.int(0...23), [0, 30][g.int(0...1)]), end: hm(g.int(0...23), [0, 30][g.int(0...1)])) }
        return .every(EverySchedule(interval: .minutes(Int64([5, 20, 45, 60, 90, 180, 600, 1440, 2160, 4320][g.int(0...9)])), windows: windows, days: daysOrAll,
                                    anchor: g.int(0...1) == 0 ? .window : .lastDone))
    }

    @Test func propertiesAcrossDSTChanges() throws {
        var g = SplitMix64(state: 42)
        let zones = try oracleZones.map { try Zone.named($0) }
        let bases = [utc(2026, 3, 28), utc(2026, 10, 24), utc(2026, 4, 4), utc(2026, 10, 3), utc(2018, 11, 3), utc(2018, 2, 17), utc(2026, 3, 7), utc(2026, 10, 31)]
        for _ in 0..<300 {
            let s = randomSchedule(&g)
            let zone = zones[g.int(0...zones.count - 1)]
            let lastDone: Instant? = g.int(0...1) == 0 ? nil : bases[g.int(0...bases.count - 1)] + .minutes(Int64(g.int(0...3000)))
            var t = bases[g.int(0...bases.count - 1)]
            var previous: Instant? = nil
            for _ in 0..<40 {
                guard let n = s.nextDue(after: t, in: zone, lastDone: lastDone) else { break }
                #expect(n > t, "next(t) > t for \(s) in \(zone)")
                // No due time is a local time the clock skipped: it maps back to itself.
                if case .gap = zone.resolve(zone.localDateTime(at: n)) { Issue.record("due time in a gap") }
                if case .every(let e) = s, let previous {
                    // Day-long intervals count calendar days: a spring-forward day is an hour short.
                    let tolerance = e.interval >= .hours(24) ? TimeSpan.hours(1) : .zero
                    #expect(n - previous + tolerance >= e.interval, "every fired twice within \(e.interval) in \(zone): \(previous.seconds) then \(n.seconds); \(e.windows) \(e.days) \(e.anchor) lastDone \(String(describing: lastDone?.seconds))")
                }
                // Monotone: a later starting point never gives an earlier due time.
                let probe = t + TimeSpan(microseconds: (n - t).microseconds / 2)
                if let m = s.nextDue(after: probe, in: zone, lastDone: lastDone) { #expect(m >= n) }
                previous = n
                t = n
            }
        }
    }
}
