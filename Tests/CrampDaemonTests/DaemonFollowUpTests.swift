import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Testing

/// Issue 17 part 1, in-process: what the journal and `ctl list/status/next/skip` see of
/// follow-ups. The real daemon against real time, journald and the diary is Tests/e2e/follow-up.sh.
@Suite("Daemon follow-ups")
struct DaemonFollowUpTests {
    static let config = """
        [daemon]
        timezone = "UTC"
        notify = ["journal"]
        [[reminder]]
        id = "magnesium"
        kind = "electrolyte"
        electrolyte = "magnesium"
        message = "Take your magnesium."
        amount = 200
        at = "12:00"
        repeat = "15m"
        repeat_max = 2
        urgent = true
        """

    static func day(_ hour: Int, _ minute: Int = 0) -> Instant { DaemonHandlerTests.day(hour, minute) }
    typealias Unexpected = DaemonHandlerTests.Unexpected

    func last(_ f: DaemonFixture) -> JournalEntry? { f.journal.entries.last { $0.field("CRAMPD_EVENT") != nil } }

    @Test func unansweredItFollowsUpTwiceThenIsMissedInTheJournal() throws {
        let f = try DaemonFixture(config: Self.config, at: Self.day(11, 55))
        #expect(f.wake() == Self.day(12))
        #expect(f.wake() == Self.day(12, 15))
        let first = try #require(last(f))
        #expect(first.field("CRAMPD_EVENT") == "repeat")
        #expect(first.field("CRAMPD_REPEAT") == "1")
        #expect(first.field("CRAMPD_DUE_USEC") == String(Self.day(12).microseconds))
        #expect(first.messageID == .reminderRepeated)
        #expect(first.message == "Take your magnesium. (again: follow-up 1 of 2)")

        guard case .reminders(let list) = try f.ok(.list) else { throw Unexpected() }
        let pending = PendingFollowUpState(at: Self.day(12, 30), count: FollowUpCount(number: 2, of: 2), due: Self.day(12))
        #expect(list.reminders.first?.followUp == pending)
        #expect(ResultText.list(list, now: Self.day(12, 15), zone: .utc).contains("(follows up at 12:30 (2 of 2))"))
        guard case .status(let status) = try f.ok(.status) else { throw Unexpected() }
        #expect(status.next?.at == Self.day(12, 30))
        #expect(status.next?.followUp == FollowUpCount(number: 2, of: 2))
        #expect(f.daemon.queue.sync { f.daemon.statusLine } == "Next: magnesium at Wed 2026-11-25 12:30:00 UTC (follow-up 2 of 2)")
        guard case .upcoming(let next) = try f.ok(.next(count: 2)) else { throw Unexpected() }
        #expect(next.occurrences.map(\.at) == [Self.day(12, 30), Self.day(12) + .hours(24)])

        #expect(f.wake() == Self.day(12, 30))
        #expect(last(f)?.field("CRAMPD_REPEAT") == "2")
        #expect(f.wake() == Self.day(12, 45))
        let missed = try #require(last(f))
        #expect(missed.field("CRAMPD_EVENT") == "missed")
        #expect(missed.field("CRAMPD_DUE_USEC") == String(Self.day(12).microseconds))
        #expect(missed.message == "Reminder magnesium was missed: unanswered after 2 follow-ups")
        #expect(f.journal.events == ["due magnesium", "repeat magnesium", "repeat magnesium", "missed magnesium"])
        guard case .reminders(let after) = try f.ok(.list) else { throw Unexpected() }
        #expect(after.reminders.first?.followUp == nil)
    }

    @Test func doneAfterTheFirstFollowUpStopsThem() throws {
        let f = try DaemonFixture(config: Self.config, at: Self.day(11, 55))
        f.wake(); f.wake()  // 12:00 due, 12:15 follow-up 1
        f.clock.set(Self.day(12, 20))
        guard case .action = try f.ok(.done(reminder: "magnesium")) else { throw Unexpected() }
        #expect(f.wake() == Self.day(12) + .hours(24))
        #expect(f.journal.events == ["due magnesium", "repeat magnesium", "done magnesium", "due magnesium"])
        // The done answered the occurrence the follow-ups were for.
        let done = try #require(f.journal.entries.first { $0.field("CRAMPD_EVENT") == "done" })
        #expect(done.field("CRAMPD_DUE_USEC") == String(Self.day(12).microseconds))
    }

    @Test func skipDropsThePendingFollowUpAndRecordsTheOccurrenceAsSkipped() throws {
        let f = try DaemonFixture(config: Self.config, at: Self.day(11, 55))
        f.wake()  // 12:00 due
        f.clock.set(Self.day(12, 5))
        guard case .action(let skipped) = try f.ok(.skip(reminder: "magnesium")) else { throw Unexpected() }
        #expect(skipped.summary == "Skipping the one at Wed 2026-11-25 12:15:00 UTC of magnesium.")
        let entry = try #require(last(f))
        #expect(entry.field("CRAMPD_EVENT") == "skipped")
        #expect(entry.field("CRAMPD_DUE_USEC") == String(Self.day(12).microseconds))
        #expect(f.wake() == Self.day(12) + .hours(24))
        #expect(f.journal.events == ["due magnesium", "skipped magnesium", "due magnesium"])
    }
}
