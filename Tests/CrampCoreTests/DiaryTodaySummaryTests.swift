import CrampCore
import Testing

@Suite("Diary today summary")
struct DiaryTodaySummaryTests {
    let summary = TodaySummary.compute(records: DiaryFixture.records, goals: DiaryFixture.goals, zone: .utc,
                                       now: DiaryFixture.now, stillDue: DiaryFixture.stillDue)

    @Test func waterCountsOnlyToday() {
        #expect(summary.date == CivilDate(year: 2026, month: 11, day: 25))
        #expect(summary.waterMilliliters == 1250)
        #expect(summary.waterGoalMilliliters == 2000)
        #expect(!summary.waterGoalMet)
        #expect(summary.drinkCount == 3)
        #expect(summary.lastDrinkAt == DiaryFixture.today(14, 3))
    }

    @Test func electrolytesWithTargetCapOrIntakeInFixedOrder() {
        #expect(summary.electrolytes == [
            ElectrolyteProgress(electrolyte: .sodium, milligrams: 0, targetMilligrams: 1500),
            ElectrolyteProgress(electrolyte: .potassium, milligrams: 300),
            ElectrolyteProgress(electrolyte: .magnesium, milligrams: 450, targetMilligrams: 300, capMilligrams: 400),
        ])
        #expect(summary.electrolytes[2].capExceeded)
        #expect(summary.electrolytes[2].targetMet)
        #expect(!summary.electrolytes[0].targetMet)
    }

    @Test func crampsOfTodayAndDueInTimeOrder() {
        #expect(summary.cramps.map(\.muscle) == ["calf"])
        #expect(summary.stillDue.map(\.reminderID) == ["water", "magnesium"])
    }

    @Test func emptyDiaryWithoutGoals() {
        let empty = TodaySummary.compute(records: DiaryRecords(), goals: Goals(), zone: .utc, now: DiaryFixture.now)
        #expect(empty.waterMilliliters == 0)
        #expect(empty.lastDrinkAt == nil)
        #expect(empty.electrolytes.isEmpty)
        #expect(!empty.waterGoalMet)
    }
}
