import CrampCore
import Foundation
import SQLite
import Testing
@testable import CrampDaemon

@Suite("Diary store on a real SQLite file")
struct DiaryStoreTests {
    let now = DiaryTestTime.now

    @Test func insertsSurviveCloseAndReopen() throws {
        let dir = try DiaryTemporaryDirectory()
        let path = dir.file("diary.sqlite")
        let drink = Drink(milliliters: 250, time: DiaryTestTime.today(9, 0), note: "with \"lemon\", cold")
        let dose = Dose(electrolyte: .magnesium, milligrams: 200, time: DiaryTestTime.today(9, 30))
        let cramp = Cramp(time: DiaryTestTime.today(3, 10), muscle: "calf", severity: 6, note: nil, atNight: true)
        let event = ReminderEventRecord(reminderID: "water", event: .catchUp, planned: DiaryTestTime.today(8, 0), actual: DiaryTestTime.today(8, 40))
        let done = ReminderEventRecord(reminderID: "water", event: .done, planned: nil, actual: DiaryTestTime.today(8, 41))
        do {
            let store = try DiaryStore(path: path, now: now)
            #expect(store.recovery == nil)
            try store.insert(drink)
            try store.insert(dose)
            try store.insert(cramp)
            try store.record(event)
            try store.record(done)
            try store.close()
        }
        let reopened = try DiaryStore(path: path, now: now)
        let all = try reopened.records(since: nil)
        #expect(all == DiaryRecords(drinks: [drink], doses: [dose], cramps: [cramp], reminderEvents: [event, done]))
    }

    @Test func theFileIsWALWithFullSynchronousCommitsAndSchemaVersionOne() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        #expect(try store.database.query("PRAGMA journal_mode") { $0.string(at: 0) } == ["wal"])
        #expect(try store.database.query("PRAGMA synchronous") { $0.int(at: 0) } == [2])  // FULL
        #expect(try store.database.userVersion() == DiarySchema.migrations.count)
    }

    @Test func rangeQueriesUseTheTimeIndex() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        let plan = try store.database.query(
            "EXPLAIN QUERY PLAN SELECT \(DiaryEntryRow.columns) FROM entry WHERE time_usec >= ? AND time_usec < ? ORDER BY time_usec, id",
            [0, 1]) { $0.string(at: 3) ?? "" }
        #expect(plan.contains { $0.contains("USING INDEX entry_by_time") }, "\(plan)")
    }

    @Test func rangeQueriesReturnRecordsInTimeOrderHalfOpen() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        for (h, ml) in [(14, 300), (8, 100), (0, 50), (11, 200)] {
            try store.insert(Drink(milliliters: ml, time: DiaryTestTime.today(h, 0)))
        }
        try store.insert(Drink(milliliters: 999, time: DiaryTestTime.today(0, 0) + .hours(24)))  // tomorrow's midnight: excluded
        let day = LocalDay.interval(of: CivilDate(year: 2026, month: 11, day: 25), in: .utc)
        #expect(try store.records(in: day).drinks.map(\.milliliters) == [50, 100, 200, 300])
        #expect(try store.lastDrinkTime(atOrBefore: DiaryTestTime.today(12, 0)) == DiaryTestTime.today(11, 0))
        #expect(try store.lastDrinkTime(atOrBefore: DiaryTestTime.today(0, 0) - .seconds(1)) == nil)
    }

    @Test func undoRemovesTheLastInsertedEntryWhateverItsTime() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        let drink = Drink(milliliters: 250, time: DiaryTestTime.today(14, 0))
        let dose = Dose(electrolyte: .potassium, milligrams: 100, time: DiaryTestTime.today(14, 5))
        // Logged last, but with an earlier time (`cramp --at 03:10`).
        let cramp = Cramp(time: DiaryTestTime.today(3, 10), muscle: nil, severity: 4, atNight: true)
        let firstID = try store.insert(drink)
        try store.insert(dose)
        try store.insert(cramp)
        try store.record(ReminderEventRecord(reminderID: "water", event: .due, planned: now, actual: now))
        #expect(try store.undoLast() == .cramp(cramp))
        #expect(try store.undoLast() == .dose(dose))
        let all = try store.records(since: nil)
        #expect(all.drinks == [drink] && all.doses.isEmpty && all.cramps.isEmpty)
        #expect(all.reminderEvents.count == 1, "reminder events are history, never undone")
        // An undone id is never handed out again, so insertion order stays the id order.
        let next = try store.insert(dose)
        #expect(next == firstID + 3)
        #expect(try store.undoLast() == .dose(dose))
        #expect(try store.undoLast() == .drink(drink))
        #expect(try store.undoLast() == nil)
    }

    @Test func doneRecordsTheEventAndItsIntakeTogether() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        let done = ReminderEventRecord(reminderID: "water", event: .done, planned: DiaryTestTime.today(14, 0), actual: now)
        let id = try store.record(done, intake: .drink(Drink(milliliters: 250, time: now)))
        #expect(id != nil)
        #expect(try store.record(ReminderEventRecord(reminderID: "stretch", event: .done, planned: nil, actual: now)) == nil)
        let all = try store.records(since: nil)
        #expect(all.drinks == [Drink(milliliters: 250, time: now)])
        #expect(all.reminderEvents.map(\.reminderID) == ["water", "stretch"])
        // A failing intake takes its event with it: one transaction.
        #expect(throws: DiaryStoreError.self) {
            try store.record(done, intake: .cramp(Cramp(time: now, severity: 0, atNight: false)))
        }
        #expect(try store.records(since: nil).reminderEvents.count == 2)
        // `undo` takes back the intake; the event stays.
        #expect(try store.undoLast() == .drink(Drink(milliliters: 250, time: now)))
    }

    @Test func anEmptyFileIsMigratedFromScratch() throws {
        let dir = try DiaryTemporaryDirectory()
        let path = dir.file("diary.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try DiaryStore(path: path, now: now)
        #expect(store.recovery == nil)
        #expect(try store.database.userVersion() == DiarySchema.migrations.count)
        try store.insert(Drink(milliliters: 100, time: now))
        #expect(try store.records(since: nil).drinks.count == 1)
    }

    @Test func theDirectoryIsCreatedPrivate() throws {
        let dir = try DiaryTemporaryDirectory()
        let path = dir.file("state/crampd/diary.sqlite")
        _ = try DiaryStore(path: path, now: now)
        #expect(FileManager.default.fileExists(atPath: path))
        let mode = try FileManager.default.attributesOfItem(atPath: dir.file("state/crampd"))[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func aDiaryFromANewerCrampdIsRefusedAndLeftAlone() throws {
        let dir = try DiaryTemporaryDirectory()
        let path = dir.file("diary.sqlite")
        do {
            let db = try Database(path: path)
            try db.setUserVersion(99)
            try db.close()
        }
        #expect {
            _ = try DiaryStore(path: path, now: now)
        } throws: { error in
            let e = error as? DiaryStoreError
            return e?.isCorrupt == false
                && e?.description.hasPrefix("Failed to update the schema of diary \(path): PRAGMA user_version: schema version 99 is newer") == true
        }
        #expect(dir.names() == ["diary.sqlite"])
    }

    @Test func constraintsRejectWhatValidationWouldHaveCaught() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        #expect {
            try store.insert(Cramp(time: now, severity: 11, atNight: false))
        } throws: { error in
            (error as? DiaryStoreError)?.description.hasPrefix("Failed to record cramp in diary") == true
        }
        #expect(try store.records(since: nil).cramps.isEmpty)
    }
}
