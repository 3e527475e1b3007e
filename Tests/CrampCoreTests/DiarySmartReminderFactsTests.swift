import CrampCore
import Testing

@Suite("Diary smart reminder facts")
struct DiarySmartReminderFactsTests {
    let facts = SmartReminderFacts.compute(records: DiaryFixture.records, goals: DiaryFixture.goals, zone: .utc, now: DiaryFixture.now)

    @Test func lastDrinkAndWaterToday() {
        #expect(facts.lastDrinkAt == DiaryFixture.today(14, 3))
        #expect(facts.waterTodayMilliliters == 1250)
        #expect(!facts.goalMet)
    }

    @Test func skipWhenADrinkWasLoggedRecently() {
        // The last drink was at 14:03; now is 15:00.
        #expect(facts.drinkLogged(within: .minutes(58), now: DiaryFixture.now))
        #expect(!facts.drinkLogged(within: .minutes(57), now: DiaryFixture.now))  // exactly 57 minutes ago: no longer "within"
        let none = SmartReminderFacts.compute(records: DiaryRecords(), goals: Goals(), zone: .utc, now: DiaryFixture.now)
        #expect(!none.drinkLogged(within: .hours(24), now: DiaryFixture.now))
    }

    @Test func goalMetStopsHydration() {
        let more = DiaryRecords(drinks: DiaryFixture.records.drinks + [Drink(milliliters: 750, time: DiaryFixture.today(14, 30))])
        #expect(SmartReminderFacts.compute(records: more, goals: DiaryFixture.goals, zone: .utc, now: DiaryFixture.now).goalMet)
        #expect(!SmartReminderFacts.compute(records: more, goals: Goals(), zone: .utc, now: DiaryFixture.now).goalMet)
    }

    @Test func drinksLoggedForLaterDoNotCountAsTheLast() {
        let later = DiaryRecords(drinks: [Drink(milliliters: 250, time: DiaryFixture.today(9, 0)), Drink(milliliters: 250, time: DiaryFixture.today(16, 0))])
        #expect(SmartReminderFacts.compute(records: later, goals: Goals(), zone: .utc, now: DiaryFixture.now).lastDrinkAt == DiaryFixture.today(9, 0))
    }

    @Test func aDoseAboveTheCapIsNotSuggested() throws {
        // 450 mg of magnesium taken today, cap 400.
        let excess = try #require(facts.capExcess(electrolyte: .magnesium, milligrams: 100))
        #expect(excess.message == "not suggesting 100 mg of magnesium: with the 450 mg taken today it would make 550 mg, above the daily cap of 400 mg")
        #expect(facts.capExcess(electrolyte: .potassium, milligrams: 5000) == nil)  // no cap
        let fresh = SmartReminderFacts.compute(records: DiaryRecords(), goals: DiaryFixture.goals, zone: .utc, now: DiaryFixture.now)
        #expect(fresh.capExcess(electrolyte: .magnesium, milligrams: 400) == nil)  // exactly the cap is fine
        #expect(fresh.capExcess(electrolyte: .magnesium, milligrams: 401) != nil)
    }
}
