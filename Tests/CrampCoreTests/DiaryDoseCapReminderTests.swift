import CrampCore
import Testing

/// The daemon's dose cap: a firing of an electrolyte reminder is turned into a skip when its
/// amount would take today's total past `[goals] <electrolyte>_max_mg`.
@Suite("Diary dose cap of a reminder")
struct DiaryDoseCapReminderTests {
    let daily = Schedule.at(AtSchedule(times: [TimeOfDay(hour: 21, minute: 0)]))
    // 450 mg of magnesium taken today in the fixture; cap 400.
    let facts = SmartReminderFacts.compute(records: DiaryFixture.records, goals: DiaryFixture.goals, zone: .utc, now: DiaryFixture.now)

    @Test func anElectrolyteReminderPastTheCapIsNotSuggested() throws {
        let magnesium = Reminder(id: "mg", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", amount: 200, schedule: daily)
        let excess = try #require(facts.capExcess(suggesting: magnesium))
        #expect(excess.message == "not suggesting 200 mg of magnesium: with the 450 mg taken today it would make 650 mg, above the daily cap of 400 mg")
    }

    @Test func withinTheCapOrWithoutOneItFires() {
        let fresh = SmartReminderFacts.compute(records: DiaryRecords(), goals: DiaryFixture.goals, zone: .utc, now: DiaryFixture.now)
        let magnesium = Reminder(id: "mg", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", amount: 400, schedule: daily)
        #expect(fresh.capExcess(suggesting: magnesium) == nil)  // exactly the cap
        let potassium = Reminder(id: "k", kind: .electrolyte, electrolyte: .potassium, message: "Potassium", amount: 5000, schedule: daily)
        #expect(facts.capExcess(suggesting: potassium) == nil)  // no cap configured
    }

    @Test func onlyElectrolyteDosesAreCapped() {
        let water = Reminder(id: "water", kind: .hydration, message: "Drink", amount: 5000, schedule: daily)
        let noAmount = Reminder(id: "mg", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", schedule: daily)
        #expect(facts.capExcess(suggesting: water) == nil)
        #expect(facts.capExcess(suggesting: noAmount) == nil)
    }
}
