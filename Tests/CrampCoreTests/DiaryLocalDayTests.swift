import CrampCore
import Testing

@Suite("Diary local days")
struct DiaryLocalDayTests {
    @Test func aDayRunsFromMidnightToMidnight() {
        let day = LocalDay.interval(of: CivilDate(year: 2026, month: 11, day: 25), in: .utc)
        #expect(day.lowerBound == DiaryFixture.today(0, 0))
        #expect(day.upperBound - day.lowerBound == .hours(24))
        #expect(LocalDay.date(of: DiaryFixture.today(23, 59), in: .utc) == CivilDate(year: 2026, month: 11, day: 25))
    }

    @Test func lastDaysIncludeToday() {
        let week = LocalDay.interval(lastDays: 7, endingAt: DiaryFixture.now, in: .utc)
        #expect(week.lowerBound == DiaryFixture.day(6, 0, 0))
        #expect(week.upperBound == DiaryFixture.day(-1, 0, 0))
    }

    @Test func atTimeMeansTheMostRecentPast() {
        let three10 = TimeOfDay(hour: 3, minute: 10)
        #expect(LocalDay.mostRecent(three10, atOrBefore: DiaryFixture.today(15, 0), in: .utc) == DiaryFixture.today(3, 10))
        #expect(LocalDay.mostRecent(three10, atOrBefore: DiaryFixture.today(3, 10), in: .utc) == DiaryFixture.today(3, 10))
        #expect(LocalDay.mostRecent(three10, atOrBefore: DiaryFixture.today(2, 0), in: .utc) == DiaryFixture.day(1, 3, 10))
    }

    @Test func timesFormatWithoutLocale() {
        let t = DiaryFixture.today(9, 5) + .seconds(7)
        #expect(DiaryTimeFormat.clock(t, in: .utc) == "09:05")
        #expect(DiaryTimeFormat.spreadsheet(t, in: .utc) == "2026-11-25 09:05:07")
        #expect(DiaryTimeFormat.rfc3339(t, in: .utc) == "2026-11-25T09:05:07+00:00")
        #expect(DiaryTimeFormat.offset(-12_600) == "-03:30")
        #expect(DiaryTimeFormat.offset(3600) == "+01:00")
        #expect(DiaryTimeFormat.dayLabel(CivilDate(year: 2026, month: 11, day: 25)) == "Wed 11-25")
    }
}
