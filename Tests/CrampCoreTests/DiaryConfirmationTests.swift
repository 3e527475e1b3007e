import CrampCore
import Testing

@Suite("Diary confirmations")
struct DiaryConfirmationTests {
    let today = TodaySummary.compute(records: DiaryFixture.records, goals: DiaryFixture.goals, zone: .utc, now: DiaryFixture.now)

    @Test func aDrinkSaysWhereTheDayStands() {
        let drink = DiaryEntry.drink(Drink(milliliters: 500, time: DiaryFixture.today(14, 3)))
        #expect(DiaryConfirmation.logged(drink, today: today, zone: .utc) == "Logged a drink of 500 ml at 14:03. Today: 1250 of 2000 ml (62%).")
        #expect(DiaryConfirmation.logged(drink, today: nil, zone: .utc) == "Logged a drink of 500 ml at 14:03.")
        var met = today
        met.waterMilliliters = 2100
        #expect(DiaryConfirmation.logged(drink, today: met, zone: .utc)
            == "Logged a drink of 500 ml at 14:03. Today: 2100 of 2000 ml (105%). Goal met: water reminders rest until tomorrow.")
    }

    @Test func aDoseAboveTheCapSaysSo() {
        let dose = DiaryEntry.dose(Dose(electrolyte: .magnesium, milligrams: 250, time: DiaryFixture.today(13, 0)))
        #expect(DiaryConfirmation.logged(dose, today: today, zone: .utc) == "Logged 250 mg of magnesium at 13:00. Today: 450 mg of 300 mg."
            + " That is above your daily cap of 400 mg; check the label or ask a pharmacist before taking more.")
        let potassium = DiaryEntry.dose(Dose(electrolyte: .potassium, milligrams: 300, time: DiaryFixture.today(12, 0)))
        #expect(DiaryConfirmation.logged(potassium, today: today, zone: .utc) == "Logged 300 mg of potassium at 12:00. Today: 300 mg.")
    }

    @Test func aCrampSaysWhetherItWasAtNight() {
        let cramp = DiaryEntry.cramp(Cramp(time: DiaryFixture.today(3, 10), muscle: "calf", severity: 6, atNight: true))
        #expect(DiaryConfirmation.logged(cramp, today: today, zone: .utc) == "Logged a cramp (calf), severity 6, at 03:10, at night.")
        let day = DiaryEntry.cramp(Cramp(time: DiaryFixture.today(12, 0), severity: 3, atNight: false))
        #expect(DiaryConfirmation.logged(day, today: nil, zone: .utc) == "Logged a cramp, severity 3, at 12:00.")
    }

    @Test func undoNamesWhatItRemoved() {
        #expect(DiaryConfirmation.undone(.drink(Drink(milliliters: 250, time: DiaryFixture.today(14, 3))), zone: .utc)
            == "Removed the drink of 250 ml at 2026-11-25 14:03.")
        #expect(DiaryConfirmation.undone(nil, zone: .utc) == "Nothing to undo: the diary has no drinks, doses or cramps.")
    }
}
