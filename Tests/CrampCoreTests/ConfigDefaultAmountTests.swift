import Testing
@testable import CrampCore

/// What `drink` and `take` log without an amount: what the reminders suggest.
@Suite struct ConfigDefaultAmountTests {
    let daily = Schedule.at(AtSchedule(times: [TimeOfDay(hour: 12, minute: 0)]))

    @Test func aDrinkIsTheFirstHydrationAmountElseAGlass() {
        let stretch = Reminder(id: "stretch", kind: .stretch, message: "Stretch", amount: 999, schedule: daily)
        let plain = Reminder(id: "sip", kind: .hydration, message: "Sip", schedule: daily)
        let glass = Reminder(id: "water", kind: .hydration, message: "Drink", amount: 330, schedule: daily)
        let bottle = Reminder(id: "bottle", kind: .hydration, message: "Drink", amount: 500, schedule: daily)
        #expect(Config(reminders: [stretch, plain, glass, bottle]).defaultDrinkMilliliters == 330)
        #expect(Config(reminders: [stretch, plain]).defaultDrinkMilliliters == 250)
    }

    @Test func aDoseIsTheFirstAmountForThatElectrolyteElseNone() {
        let sodium = Reminder(id: "salt", kind: .electrolyte, electrolyte: .sodium, message: "Salt", amount: 300, schedule: daily)
        let bare = Reminder(id: "mg0", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", schedule: daily)
        let magnesium = Reminder(id: "mg", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", amount: 200, schedule: daily)
        let config = Config(reminders: [sodium, bare, magnesium])
        #expect(config.defaultDoseMilligrams(of: .magnesium) == 200)
        #expect(config.defaultDoseMilligrams(of: .sodium) == 300)
        #expect(config.defaultDoseMilligrams(of: .potassium) == nil)
    }
}
