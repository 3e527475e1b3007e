import CrampCore
import CrampDaemon
import Testing

/// What `crampd ctl done ID` confirms: the latest fired, unconfirmed occurrence of that
/// reminder today, so adherence pairs the `done` with its `due` (real SQLite file).
struct DiaryOccurrenceTests {
    @Test func doneConfirmsTheLatestUnconfirmedFiring() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: DiaryTestTime.now)
        func t(_ h: Int, _ m: Int) -> Instant { DiaryTestTime.today(h, m) }
        let since = t(0, 0)
        #expect(try store.unconfirmedOccurrence(of: "water", since: since) == nil)

        try store.record(ReminderEventRecord(reminderID: "water", event: .due, planned: t(9, 0), actual: t(9, 0)))
        try store.record(ReminderEventRecord(reminderID: "water", event: .catchUp, planned: t(10, 0), actual: t(10, 20)))
        try store.record(ReminderEventRecord(reminderID: "water", event: .skipped, planned: t(11, 0), actual: t(11, 0)))
        try store.record(ReminderEventRecord(reminderID: "mg", event: .due, planned: t(12, 0), actual: t(12, 0)))
        #expect(try store.unconfirmedOccurrence(of: "water", since: since) == t(10, 0))

        try store.record(ReminderEventRecord(reminderID: "water", event: .done, planned: t(10, 0), actual: t(10, 25)))
        #expect(try store.unconfirmedOccurrence(of: "water", since: since) == t(9, 0))
        // Yesterday's firings are not confirmed today.
        #expect(try store.unconfirmedOccurrence(of: "water", since: t(9, 30)) == nil)
        #expect(try store.unconfirmedOccurrence(of: "mg", since: since) == t(12, 0))
    }
}
