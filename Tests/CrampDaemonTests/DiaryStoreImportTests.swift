import CrampCore
import Testing
@testable import CrampDaemon

/// `crampd ctl import` into a real diary file: the export comes back exactly, twice adds
/// nothing, and one bad record writes nothing.
@Suite("Diary store import")
struct DiaryStoreImportTests {
    let now = DiaryTestTime.now

    func records() -> DiaryRecords {
        let t = DiaryTestTime.today(9, 0)
        return DiaryRecords(
            drinks: [Drink(milliliters: 250, time: t), Drink(milliliters: 250, time: t + TimeSpan(microseconds: 400)),  // one id, two drinks
                     Drink(milliliters: 330, time: DiaryTestTime.today(14, 0), note: "after the run")],
            doses: [Dose(electrolyte: .magnesium, milligrams: 200, time: DiaryTestTime.today(10, 0))],
            cramps: [Cramp(time: DiaryTestTime.today(3, 10), muscle: "calf", severity: 8, note: nil, atNight: true)],
            reminderEvents: [ReminderEventRecord(reminderID: "water", event: .due, planned: t, actual: t),
                             ReminderEventRecord(reminderID: "water", event: .done, planned: nil, actual: DiaryTestTime.today(9, 5))])
    }

    func imported(_ records: DiaryRecords) -> [DiaryImportRecord] {
        DiaryExport(records: records, zone: .utc).importRecords().map(\.record)
    }

    @Test func anExportComesBackAndTwiceAddsNothing() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        let first = try store.importRecords(imported(records()), now: now)
        #expect(first == .init(added: 7, alreadyPresent: 0))
        let back = try store.records(since: nil)
        #expect(back == records().sorted())
        let second = try store.importRecords(imported(records()), now: now)
        #expect(second == .init(added: 0, alreadyPresent: 7))
        #expect(try store.records(since: nil) == back)
        // One more real drink of the same kind in the same second is added, once.
        var more = records()
        more.drinks.append(Drink(milliliters: 250, time: DiaryTestTime.today(9, 0) + TimeSpan(microseconds: 900)))
        #expect(try store.importRecords(imported(more), now: now) == .init(added: 1, alreadyPresent: 7))
        #expect(try store.importRecords(imported(more), now: now) == .init(added: 0, alreadyPresent: 8))
    }

    @Test func oneBadRecordWritesNothing() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        var bad = records()
        bad.doses.append(Dose(electrolyte: .sodium, milligrams: 20_000, time: DiaryTestTime.today(11, 0)))
        #expect(throws: DiaryCommandError.self) { try store.importRecords(imported(bad), now: now) }
        var future = records()
        future.drinks.append(Drink(milliliters: 250, time: now + .minutes(1)))
        do {
            _ = try store.importRecords(imported(future), now: now)
            Issue.record("a drink from the future was imported")
        } catch {
            #expect(error.description.hasPrefix("record 4 of the import: expected a time up to now"))
        }
        #expect(try store.records(since: nil) == DiaryRecords())
    }
}
