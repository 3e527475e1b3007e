import CrampCore
@testable import CrampDaemon
import Dispatch
import Logging
import SQLite
import Testing
import Foundation
import Glibc

/// The diary on its own queue against a diary another program holds locked (`BEGIN EXCLUSIVE`
/// on a second connection, as the sqlite3 shell or a backup would).
@Suite("Diary queue with a locked diary", .timeLimit(.minutes(1)))
struct DiaryQueueTests {
    let directory: DiaryTemporaryDirectory
    let store: DiaryStore
    let diary: DiaryQueue
    let replies = DispatchQueue(label: "crampd.test.replies")

    init() throws {
        directory = try DiaryTemporaryDirectory()
        store = try DiaryStore(path: directory.file("diary.sqlite"), now: DiaryTestTime.now)
        diary = DiaryQueue(store: store, logger: Logger(label: "test"))
    }

    /// Another connection holding the write lock until `release`.
    func lock() throws -> Database {
        let other = try Database(path: store.path, mode: .readWrite)
        try other.execute("BEGIN EXCLUSIVE")
        return other
    }

    /// Runs a drink through the queue; returns (milliseconds until the answer, the answer).
    func drink(deadlineMilliseconds: Int) -> (Int, String) {
        let answered = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer = ""
        let started = DispatchTime.now().uptimeNanoseconds
        diary.run(deadline: .now() + .milliseconds(deadlineMilliseconds), { store in
            do throws(DiaryStoreError) {
                try store.insert(Drink(milliliters: 250, time: DiaryTestTime.now))
                return "recorded"
            } catch { return error.isBusy ? "busy" : "failed: \(error)" }
        }, ifBusy: { "busy" }, replyOn: replies) { answer = $0; answered.signal() }
        #expect(answered.wait(timeout: .now() + 10) == .success)
        return (Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000), replies.sync { answer })
    }

    /// Rows in `table`, read on a connection of the test's own (the store belongs to its queue).
    func count(_ table: String) throws -> Int64 {
        let reader = try Database(path: store.path, mode: .readOnly)
        return try reader.query("SELECT count(*) FROM \(table)") { (s: Statement) throws(SQLiteError) in s.int64(at: 0) }.first ?? -1
    }

    @Test func aCommandAgainstALockedDiaryIsAnsweredBusyWithinItsDeadline() throws {
        let other = try lock()
        let (elapsed, answer) = drink(deadlineMilliseconds: 300)
        #expect(answer == "busy")
        #expect(elapsed >= 250 && elapsed < 1500, "answered after \(elapsed) ms")
        try other.execute("ROLLBACK")
        #expect(drink(deadlineMilliseconds: 300).1 == "recorded")
        #expect(try count("entry") == 1)
    }

    /// Reminder events fired while the diary is locked are kept in order and written once it is
    /// free; a command waits behind them, so it never overtakes an earlier event.
    @Test func eventsWaitInOrderWhileLockedAndAreWrittenAfter() throws {
        let other = try lock()
        for minute in 0..<5 {
            diary.record(ReminderEventRecord(reminderID: "water", event: .due, planned: DiaryTestTime.today(10, minute),
                                             actual: DiaryTestTime.today(10, minute)))
        }
        #expect(drink(deadlineMilliseconds: 200).1 == "busy")
        try other.execute("ROLLBACK")
        #expect(drink(deadlineMilliseconds: 3000).1 == "recorded")
        let events = try store.records(since: nil).reminderEvents
        #expect(events.map(\.actual) == (0..<5).map { DiaryTestTime.today(10, $0) })
    }

    /// The events kept in memory while the diary is locked are bounded: past the bound they
    /// reach the journal only, and those kept are written, in order, once it is free.
    @Test func eventsKeptWhileLockedAreBounded() throws {
        let bounded = DiaryQueue(store: store, logger: Logger(label: "test"), maximumPendingEvents: 3)
        let other = try lock()
        for minute in 0..<5 {
            bounded.record(ReminderEventRecord(reminderID: "water", event: .due, planned: nil, actual: DiaryTestTime.today(11, minute)))
        }
        usleep(700_000)
        try other.execute("ROLLBACK")
        bounded.finish(within: 3000)
        #expect(try count("reminder_event") == 3)
    }

    /// Events queued behind a lock are written by the retry alone, without another command.
    @Test func queuedEventsAreRetriedWithoutACommand() throws {
        let other = try lock()
        diary.record(ReminderEventRecord(reminderID: "water", event: .missed, planned: nil, actual: DiaryTestTime.now))
        usleep(700_000)
        #expect(try count("reminder_event") == 0)
        try other.execute("ROLLBACK")
        for _ in 0..<50 where try count("reminder_event") == 0 { usleep(100_000) }
        #expect(try count("reminder_event") == 1)
    }

    /// After a command the day's intake is read again, off the daemon's queue, and handed over
    /// before the answer: the smart rules then see the drink without reading the file.
    @Test func aCommittedCommandHandsOverTheDaysIntakeBeforeItsAnswer() throws {
        let snapshots = Snapshots()
        diary.intakeChanged = { snapshot in snapshots.add(snapshot) }
        let now = WallClock.now()
        let answered = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var seenBeforeAnswer = 0
        diary.run(refreshingIntake: .utc, { store in
            (try? store.insert(Drink(milliliters: 330, time: now))) != nil
        }, ifBusy: { false }, replyOn: replies) { _ in seenBeforeAnswer = snapshots.count; answered.signal() }
        #expect(answered.wait(timeout: .now() + 10) == .success)
        #expect(replies.sync { seenBeforeAnswer } == 1)
        let facts = try #require(snapshots.last).facts(goals: Goals(), zone: .utc, now: now + .seconds(1))
        #expect(facts.waterTodayMilliliters == 330)
        #expect(facts.lastDrinkAt == now)
    }

    /// A clean stop writes what waits and folds the WAL into diary.sqlite.
    @Test func finishCheckpointsTheWALIntoTheMainFile() throws {
        for minute in 0..<50 {
            diary.record(ReminderEventRecord(reminderID: "water", event: .due, planned: nil, actual: DiaryTestTime.today(9, minute)))
        }
        diary.finish(within: 3000)
        var info = stat()
        #expect(stat(store.path + "-wal", &info) != 0 || info.st_size == 0)
        // A copy of the main file alone has every record.
        let copy = directory.file("copy.sqlite")
        try store.close()
        let bytes = try #require(FileManager.default.bytes(store.path))
        #expect(FileManager.default.createFile(atPath: copy, contents: Data(bytes)))
        let reopened = try DiaryStore(path: copy, now: DiaryTestTime.now)
        #expect(try reopened.records(since: nil).reminderEvents.count == 50)
    }
}

/// Snapshots handed over by the diary queue, read from the test's thread.
final class Snapshots: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [IntakeSnapshot] = []
    func add(_ snapshot: IntakeSnapshot) { lock.lock(); all.append(snapshot); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return all.count }
    var last: IntakeSnapshot? { lock.lock(); defer { lock.unlock() }; return all.last }
}
