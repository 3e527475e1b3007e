import CrampCore
import Testing

@Suite("Diary validation")
struct DiaryValidationTests {
    let t = DiaryFixture.now

    @Test func drinkAmountsFromOneToFiveLitres() throws {
        #expect(try Drink.validated(milliliters: 1, time: t).milliliters == 1)
        #expect(try Drink.validated(milliliters: 5000, time: t).milliliters == 5000)
        #expect(throws: DiaryValidationError.amountNotPositive(amount: 0, unit: "ml")) { try Drink.validated(milliliters: 0, time: t) }
        #expect(throws: DiaryValidationError.amountNotPositive(amount: -250, unit: "ml")) { try Drink.validated(milliliters: -250, time: t) }
        #expect(throws: DiaryValidationError.amountImplausible(amount: 5001, unit: "ml", limit: 5000, what: "one drink")) {
            try Drink.validated(milliliters: 5001, time: t)
        }
    }

    @Test func doseAmountsUpToTenGrams() throws {
        #expect(try Dose.validated(electrolyte: .sodium, milligrams: 10_000, time: t).milligrams == 10_000)
        #expect(throws: DiaryValidationError.amountNotPositive(amount: 0, unit: "mg")) {
            try Dose.validated(electrolyte: .magnesium, milligrams: 0, time: t)
        }
        #expect(throws: DiaryValidationError.amountImplausible(amount: 10_001, unit: "mg", limit: 10_000, what: "one dose")) {
            try Dose.validated(electrolyte: .magnesium, milligrams: 10_001, time: t)
        }
    }

    @Test func electrolyteNamesIgnoreCase() throws {
        #expect(try Dose.electrolyte(named: "Magnesium") == .magnesium)
        #expect(try Dose.electrolyte(named: "POTASSIUM") == .potassium)
        #expect(throws: DiaryValidationError.unknownElectrolyte("zinc")) { try Dose.electrolyte(named: "zinc") }
    }

    @Test func severityMustBeOneToTen() throws {
        #expect(try Cramp.validated(time: t, severity: 1, zone: .utc).severity == 1)
        #expect(try Cramp.validated(time: t, severity: 10, zone: .utc).severity == 10)
        #expect(try Cramp.validated(time: t, zone: .utc).severity == Cramp.defaultSeverity)
        #expect(throws: DiaryValidationError.severityOutOfRange(0)) { try Cramp.validated(time: t, severity: 0, zone: .utc) }
        #expect(throws: DiaryValidationError.severityOutOfRange(11)) { try Cramp.validated(time: t, severity: 11, zone: .utc) }
    }

    @Test func freeTextIsTrimmedAndBounded() throws {
        let c = try Cramp.validated(time: t, muscle: "  Calf ", note: "   ", zone: .utc)
        #expect(c.muscle == "calf")
        #expect(c.note == nil)
        #expect(try Drink.validated(milliliters: 250, time: t, note: " after run\n").note == "after run")
        #expect(throws: DiaryValidationError.textTooLong(field: "note", length: 501, limit: 500)) {
            try Drink.validated(milliliters: 250, time: t, note: String(repeating: "x", count: 501))
        }
        #expect(throws: DiaryValidationError.textTooLong(field: "muscle", length: 41, limit: 40)) {
            try Cramp.validated(time: t, muscle: String(repeating: "m", count: 41), zone: .utc)
        }
    }

    @Test func messagesSayWhatIsWrongAndWhatToDo() {
        #expect(DiaryValidationError.amountImplausible(amount: 6000, unit: "ml", limit: 5000, what: "one drink").message
            == "6000 ml is more than the 5000 ml accepted for one drink; check the unit, or log it in parts")
        #expect(DiaryValidationError.severityOutOfRange(12).message == "severity must be from 1 to 10, got 12")
        #expect(DiaryValidationError.unknownElectrolyte("zinc").message
            == "unknown electrolyte \"zinc\"; expected one of: sodium, potassium, magnesium, calcium")
        #expect(DiaryValidationError.amountNotPositive(amount: 0, unit: "ml").message == "amount must be at least 1 ml, got 0 ml")
    }

    @Test(arguments: [(22, 0, true), (21, 59, false), (0, 0, true), (6, 59, true), (7, 0, false), (12, 0, false)])
    func nightIsTenPMToSevenAM(hour: Int, minute: Int, night: Bool) throws {
        let c = try Cramp.validated(time: DiaryFixture.today(hour, minute), zone: .utc)
        #expect(c.atNight == night)
    }

    @Test func nightHoursWithinOneDay() {
        let siesta = NightHours(window: DailyWindow(start: TimeOfDay(hour: 13, minute: 0), end: TimeOfDay(hour: 15, minute: 0)))
        #expect(siesta.contains(TimeOfDay(hour: 13, minute: 0)))
        #expect(!siesta.contains(TimeOfDay(hour: 15, minute: 0)))
        #expect(!siesta.contains(TimeOfDay(hour: 23, minute: 0)))
    }

    @Test func entriesDescribeThemselves() {
        #expect(DiaryEntry.drink(Drink(milliliters: 250, time: DiaryFixture.today(14, 3))).describe(in: .utc) == "drink of 250 ml at 2026-11-25 14:03")
        #expect(DiaryEntry.dose(Dose(electrolyte: .magnesium, milligrams: 200, time: DiaryFixture.today(9, 0))).describe(in: .utc)
            == "200 mg of magnesium at 2026-11-25 09:00")
        #expect(DiaryEntry.cramp(Cramp(time: DiaryFixture.today(3, 10), muscle: "calf", severity: 6, atNight: true)).describe(in: .utc)
            == "cramp (calf), severity 6, at 2026-11-25 03:10, at night")
    }
}
