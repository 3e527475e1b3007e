import CrampCore
import Testing

@Suite("Diary stats")
struct DiaryStatsTests {
    let stats = DiaryStats.compute(records: DiaryFixture.records, goals: DiaryFixture.goals, zone: .utc, now: DiaryFixture.now, days: 7)

    @Test func everyDayOfTheSpanOldestFirst() {
        #expect(stats.days.count == 7)
        #expect(stats.days.first?.date == CivilDate(year: 2026, month: 11, day: 19))
        #expect(stats.days.last?.date == CivilDate(year: 2026, month: 11, day: 25))
        #expect(stats.days.map(\.waterMilliliters) == [0, 0, 0, 0, 0, 2000, 1250])
        #expect(stats.daysGoalMet == 1)
        #expect(stats.averageWaterMilliliters == 3250 / 7)
    }

    @Test func electrolytesPerDayAndInTotal() {
        #expect(stats.days[6].electrolytes == [ElectrolyteAmount(electrolyte: .potassium, milligrams: 300),
                                               ElectrolyteAmount(electrolyte: .magnesium, milligrams: 450)])
        #expect(stats.electrolytes.map(\.milligrams) == [0, 300, 450])
    }

    @Test func crampsPerDayAndPerNight() {
        #expect(stats.cramps == 2)
        #expect(stats.nightCramps == 2)
        #expect(stats.days[5].cramps == 1)
        #expect(stats.days[6].nightCramps == 1)
    }

    @Test func aMissedReminderCaughtUpCountsOnce() {
        // Yesterday: magnesium missed, then fired as a catch-up, then done: 1 of 1, done.
        #expect(stats.days[5].reminders == ReminderAdherence(due: 1, done: 1, skipped: 0, missed: 0))
        // Today: two water reminders fired, one done; one skipped without firing: three fell due.
        #expect(stats.days[6].reminders == ReminderAdherence(due: 3, done: 1, skipped: 1, missed: 1))
        #expect(stats.adherence == ReminderAdherence(due: 4, done: 2, skipped: 1, missed: 1))
        #expect(stats.adherence.percent == 50)
    }

    /// Each occurrence has one outcome: done + skipped + missed == due, every day and in all.
    @Test func theNumbersAddUp() {
        for a in stats.days.map(\.reminders) + [stats.adherence] {
            #expect(a.done + a.skipped + a.missed == a.due, "\(a)")
        }
    }

    @Test func doneBeforeDueNeverReadsDueZeroDoneOne() {
        let early = ReminderEventRecord(reminderID: "water", event: .done, planned: nil, actual: DiaryFixture.today(8, 0))
        let due = ReminderEventRecord(reminderID: "water", event: .due, planned: DiaryFixture.today(9, 0), actual: DiaryFixture.today(9, 0))
        let done = ReminderEventRecord(reminderID: "water", event: .done, planned: DiaryFixture.today(9, 0), actual: DiaryFixture.today(9, 1))
        let s = DiaryStats.compute(records: DiaryRecords(reminderEvents: [early, due, done, done]), goals: Goals(), zone: .utc,
                                   now: DiaryFixture.now, days: 1)
        #expect(s.adherence == ReminderAdherence(due: 2, done: 2, skipped: 0, missed: 0))
        #expect(s.adherence.percent == 100)
        let alone = DiaryStats.compute(records: DiaryRecords(reminderEvents: [early]), goals: Goals(), zone: .utc,
                                       now: DiaryFixture.now, days: 1)
        #expect(alone.adherence == ReminderAdherence(due: 1, done: 1, skipped: 0, missed: 0))
        #expect(ReminderAdherence().percent == nil)
    }

    @Test func dayCountsAreClampedToAYear() {
        #expect(DiaryStats.compute(records: DiaryRecords(), goals: Goals(), zone: .utc, now: DiaryFixture.now, days: 0).days.count == 1)
        #expect(DiaryStats.compute(records: DiaryRecords(), goals: Goals(), zone: .utc, now: DiaryFixture.now, days: 10_000).days.count == 366)
    }

    @Test func recordsOutsideTheSpanAreIgnored() {
        let old = DiaryRecords(drinks: [Drink(milliliters: 300, time: DiaryFixture.day(7, 12, 0)),
                                        Drink(milliliters: 400, time: DiaryFixture.day(-1, 1, 0))])
        let s = DiaryStats.compute(records: old, goals: Goals(), zone: .utc, now: DiaryFixture.now, days: 7)
        #expect(s.days.allSatisfy { $0.waterMilliliters == 0 })
    }
}
