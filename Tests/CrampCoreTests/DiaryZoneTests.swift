import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in
import Testing

/// The diary in a real zone with DST (Europe/Berlin from the system tzdata).
@Suite("Diary in a zone with DST")
struct DiaryZoneTests {
    let berlin: Zone
    init() throws { berlin = try Zone.named("Europe/Berlin") }

    func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> Instant { DiaryFixture.at(y, m, d, h, min) }

    @Test func nightIsLocalWallClockTime() throws {
        // 21:30 UTC is 22:30 in Berlin in November: night. 06:30 UTC is 07:30: morning.
        #expect(try Cramp.validated(time: utc(2026, 11, 25, 21, 30), zone: berlin).atNight)
        #expect(try !Cramp.validated(time: utc(2026, 11, 25, 6, 30), zone: berlin).atNight)
        #expect(try !Cramp.validated(time: utc(2026, 11, 25, 21, 30), zone: .utc).atNight)
    }

    @Test func daysFollowLocalMidnightAcrossDST() {
        // 2026-03-29: clocks jump from 02:00 to 03:00; the day has 23 hours.
        let spring = LocalDay.interval(of: CivilDate(year: 2026, month: 3, day: 29), in: berlin)
        #expect(spring.lowerBound == utc(2026, 3, 28, 23, 0))
        #expect(spring.upperBound - spring.lowerBound == .hours(23))
        // 2026-10-25: clocks fall back from 03:00 to 02:00; the day has 25 hours.
        let autumn = LocalDay.interval(of: CivilDate(year: 2026, month: 10, day: 25), in: berlin)
        #expect(autumn.upperBound - autumn.lowerBound == .hours(25))
    }

    @Test func aDrinkJustAfterLocalMidnightCountsForTheNewDay() {
        // 23:30 UTC on the 24th is 00:30 on the 25th in Berlin.
        let records = DiaryRecords(drinks: [Drink(milliliters: 300, time: utc(2026, 11, 24, 23, 30)),
                                            Drink(milliliters: 200, time: utc(2026, 11, 24, 22, 30))])
        let now = utc(2026, 11, 25, 12, 0)
        let today = TodaySummary.compute(records: records, goals: Goals(), zone: berlin, now: now)
        #expect(today.waterMilliliters == 300)
        let stats = DiaryStats.compute(records: records, goals: Goals(), zone: berlin, now: now, days: 2)
        #expect(stats.days.map(\.waterMilliliters) == [200, 300])
        #expect(stats.zoneName == "Europe/Berlin")
    }

    @Test func atTimeInsideTheSpringGapMeansTheJump() {
        // "--at 02:30" on 2026-03-29 in Berlin: that wall-clock time does not exist.
        let now = utc(2026, 3, 29, 8, 0)
        #expect(LocalDay.mostRecent(TimeOfDay(hour: 2, minute: 30), atOrBefore: now, in: berlin) == utc(2026, 3, 29, 1, 0))
    }

    @Test func atTimeInTheAutumnRepeatTakesTheLaterWhenItHasPassed() {
        // 02:30 happens twice on 2026-10-25: at 00:30 UTC (CEST) and at 01:30 UTC (CET).
        let twoThirty = TimeOfDay(hour: 2, minute: 30)
        #expect(LocalDay.mostRecent(twoThirty, atOrBefore: utc(2026, 10, 25, 8, 0), in: berlin) == utc(2026, 10, 25, 1, 30))
        #expect(LocalDay.mostRecent(twoThirty, atOrBefore: utc(2026, 10, 25, 1, 0), in: berlin) == utc(2026, 10, 25, 0, 30))
    }

    @Test func exportsCarryTheOffsetInForce() {
        let records = DiaryRecords(drinks: [Drink(milliliters: 250, time: utc(2026, 7, 1, 10, 0)), Drink(milliliters: 250, time: utc(2026, 11, 25, 10, 0))])
        let csv = DiaryCSV.render(records, zone: berlin)
        #expect(csv.contains("drink,2026-07-01 12:00:00,+02:00,250,ml,"))
        #expect(csv.contains("drink,2026-11-25 11:00:00,+01:00,250,ml,"))
        let json = DiaryExport(records: records, zone: berlin)
        #expect(json.drinks.map(\.localTime) == ["2026-07-01T12:00:00+02:00", "2026-11-25T11:00:00+01:00"])
        #expect(json.zone == "Europe/Berlin")
    }
}
