import CrampCore
import Testing

@Suite("Diary intake of a confirmed reminder")
struct DiaryReminderIntakeTests {
    let t = DiaryFixture.now
    let daily = Schedule.at(AtSchedule(times: [TimeOfDay(hour: 9, minute: 0)]))

    @Test func hydrationLogsADrinkOfItsAmount() throws {
        let water = Reminder(id: "water", kind: .hydration, message: "Drink", amount: 250, schedule: daily)
        #expect(try DiaryEntry.intake(confirming: water, at: t) == .drink(Drink(milliliters: 250, time: t)))
    }

    @Test func electrolyteLogsADose() throws {
        let mg = Reminder(id: "mg", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", amount: 200, schedule: daily)
        #expect(try DiaryEntry.intake(confirming: mg, at: t) == .dose(Dose(electrolyte: .magnesium, milligrams: 200, time: t)))
    }

    @Test func remindersWithoutAnAmountLogNothing() throws {
        let stretch = Reminder(id: "stretch", kind: .stretch, message: "Stretch your calves", schedule: daily)
        #expect(try DiaryEntry.intake(confirming: stretch, at: t) == nil)
        let water = Reminder(id: "water", kind: .hydration, message: "Drink", schedule: daily)
        #expect(try DiaryEntry.intake(confirming: water, at: t) == nil)
    }

    @Test func implausibleConfiguredAmountsAreRefused() {
        let bucket = Reminder(id: "water", kind: .hydration, message: "Drink", amount: 6000, schedule: daily)
        #expect(throws: DiaryValidationError.amountImplausible(amount: 6000, unit: "ml", limit: 5000, what: "one drink")) {
            try DiaryEntry.intake(confirming: bucket, at: t)
        }
    }
}
