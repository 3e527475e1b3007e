import CrampCore
import Foundation
import Testing
@testable import CrampDaemon

/// The diary commands as the daemon's handlers call them, against a real file.
@Suite("Diary commands")
struct DiaryCommandsTests {
    let now = DiaryTestTime.now  // 2026-11-25 15:00 UTC
    let goals = Goals(waterMilliliters: 2000, targetMilligrams: [.magnesium: 300], capMilligrams: [.magnesium: 400])

    @Test func drinkWritesAndAnswersWithTheDay() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        let first = try store.logDrink(milliliters: 500, goals: goals, zone: .utc, now: now - .hours(1))
        #expect(first.message == "Logged a drink of 500 ml at 14:00. Today: 500 of 2000 ml (25%).")
        let second = try store.logDrink(milliliters: 250, note: "tea", goals: goals, zone: .utc, now: now)
        #expect(second.id == first.id + 1)
        #expect(second.today.waterMilliliters == 750)
        #expect(second.message == "Logged a drink of 250 ml at 15:00. Today: 750 of 2000 ml (37%).")
        #expect(try store.records(since: nil).drinks.map(\.note) == [nil, "tea"])
    }

    @Test func invalidInputIsRefusedAndNothingIsWritten() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        for attempt in [
            { _ = try store.logDrink(milliliters: 0, goals: goals, zone: .utc, now: now) },
            { _ = try store.logDose(electrolyte: "zinc", milligrams: 10, goals: goals, zone: .utc, now: now) },
            { _ = try store.logCramp(severity: 11, goals: goals, zone: .utc, now: now) },
        ] as [() throws -> Void] {
            #expect {
                try attempt()
            } throws: { error in
                if case .invalid = error as? DiaryCommandError { return true }
                return false
            }
        }
        #expect(try store.records(since: nil) == DiaryRecords())
        #expect((DiaryCommandError.invalid(.unknownElectrolyte("zinc"))).description
            == "unknown electrolyte \"zinc\"; expected one of: sodium, potassium, magnesium, calcium")
    }

    @Test func takeAcceptsAnyCaseAndWarnsAboveTheCap() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        _ = try store.logDose(electrolyte: "Magnesium", milligrams: 250, goals: goals, zone: .utc, now: now - .hours(5))
        let second = try store.logDose(electrolyte: "magnesium", milligrams: 200, goals: goals, zone: .utc, now: now)
        #expect(second.entry == .dose(Dose(electrolyte: .magnesium, milligrams: 200, time: now)))
        #expect(second.message.hasPrefix("Logged 200 mg of magnesium at 15:00. Today: 450 mg of 300 mg. That is above your daily cap of 400 mg"))
    }

    @Test func crampAtAnEarlierTimeLandsOnTheRightNightAndMayBringANotice() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        let night = try store.logCramp(muscle: "Calf", severity: 6, at: TimeOfDay(hour: 3, minute: 10), goals: goals, zone: .utc, now: now)
        #expect(night.entry == .cramp(Cramp(time: DiaryTestTime.today(3, 10), muscle: "calf", severity: 6, atNight: true)))
        #expect(night.message == "Logged a cramp (calf), severity 6, at 03:10, at night.")
        #expect(night.insight == nil)
        // "--at 16:00" at 15:00 means yesterday 16:00.
        let yesterday = try store.logCramp(at: TimeOfDay(hour: 16, minute: 0), goals: goals, zone: .utc, now: now)
        #expect(yesterday.entry.time == DiaryTestTime.today(16, 0) - .hours(24))
        let third = try store.logCramp(severity: 4, goals: goals, zone: .utc, now: now)
        #expect(third.message == "Logged a cramp, severity 4, at 15:00. 2 cramps today.")
        #expect(third.insight?.reason == .frequent(count: 3))
    }

    @Test func undoAnswersWhatItRemoved() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        #expect(try store.undo(zone: .utc).message == "Nothing to undo: the diary has no drinks, doses or cramps.")
        _ = try store.logDrink(milliliters: 300, goals: goals, zone: .utc, now: now)
        let undone = try store.undo(zone: .utc)
        #expect(undone.removed == .drink(Drink(milliliters: 300, time: now)))
        #expect(undone.message == "Removed the drink of 300 ml at 2026-11-25 15:00.")
    }
}
