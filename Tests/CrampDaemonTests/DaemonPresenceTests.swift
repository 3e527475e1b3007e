import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Testing

/// Issue 16 items 5 and 6, in-process: what the journal, STATUS= and `ctl status` see while a
/// presence source holds reminders, for every reason (each source calls `presenceChanged`).
/// The real daemon with a real dunst and X server is Tests/e2e/presence.sh.
@Suite("Daemon presence")
struct DaemonPresenceTests {
    static let config = """
        [daemon]
        timezone = "UTC"
        notify = ["journal"]
        grace = "1h"
        [[reminder]]
        id = "water"
        kind = "hydration"
        amount = 250
        at = ["10:30", "11:15"]
        [[reminder]]
        id = "magnesium"
        kind = "electrolyte"
        electrolyte = "magnesium"
        amount = 200
        at = "12:00"
        """

    static func day(_ hour: Int, _ minute: Int = 0) -> Instant { DaemonHandlerTests.day(hour, minute) }
    typealias Unexpected = DaemonHandlerTests.Unexpected

    func signal(_ f: DaemonFixture, _ source: PresenceSignal.Source, _ active: Bool, at instant: Instant) {
        f.clock.set(instant)
        f.daemon.queue.sync { f.daemon.presenceChanged(PresenceSignal(source: source, active: active, since: instant)) }
    }

    @Test(arguments: [(PresenceSignal.Source.x11Idle, "away", "While you were away"),
                      (.logindLock, "locked", "While the screen was locked"),
                      (.dunst, "dnd", "While do-not-disturb was on"),
                      (.logindSleep, "asleep", "While the machine slept")])
    func heldThenOneMessageOnReturn(source: PresenceSignal.Source, reason: String, wording: String) throws {
        let f = try DaemonFixture(config: Self.config, at: Self.day(10))
        signal(f, source, true, at: Self.day(10, 5))
        #expect(f.wake() == Self.day(10, 30))
        #expect(f.wake() == Self.day(11, 15))
        #expect(f.wake() == Self.day(12))
        let held = f.journal.entries.filter { $0.field("CRAMPD_EVENT") == "held" }
        #expect(held.map { $0.field("CRAMPD_REMINDER") } == ["water", "water", "magnesium"])
        #expect(held.allSatisfy { $0.field("CRAMPD_HELD_REASON") == reason && $0.messageID == .reminderHeld })
        #expect(!f.journal.events.contains { $0.hasPrefix("due ") })
        let status = HoldReason(rawValue: reason)!.statusWording
        #expect(f.daemon.queue.sync { f.daemon.statusLine }.hasSuffix("; held: 3 reminders (\(status))"))
        guard case .status(let during) = try f.ok(.status) else { throw Unexpected() }
        #expect(during.presence?.held?.rawValue == reason && during.presence?.heldReminders == 3)

        signal(f, source, false, at: Self.day(12, 10))
        let back = f.journal.entries.filter { $0.field("CRAMPD_EVENT") == "back" }
        #expect(back.count == 1)
        #expect(back.first?.messageID == .back)
        #expect(back.first?.field("CRAMPD_HELD_REMINDERS") == "water,magnesium")
        #expect(back.first?.field("CRAMPD_HELD_REASON") == reason)
        // 10:30 is held longer than grace (1h) by 12:10: missed, in the journal and the message.
        #expect(back.first?.message == "\(wording): water at 11:15, magnesium at 12:00; missed (held longer than 1h): water at 10:30")
        let missed = f.journal.entries.filter { $0.field("CRAMPD_EVENT") == "missed" }
        #expect(missed.map { $0.field("CRAMPD_DUE_USEC") } == [String(Self.day(10, 30).microseconds)])
        #expect(!f.daemon.queue.sync { f.daemon.statusLine }.contains("held"))
        guard case .status(let after) = try f.ok(.status) else { throw Unexpected() }
        #expect(after.presence?.held == nil && after.presence?.heldReminders == nil)
        // Back again with nothing held: no second message.
        signal(f, source, true, at: Self.day(12, 20))
        signal(f, source, false, at: Self.day(12, 25))
        #expect(f.journal.entries.filter { $0.field("CRAMPD_EVENT") == "back" }.count == 1)
    }

    @Test func doneAfterTheMessageRecordsTheHeldReminder() throws {
        let f = try DaemonFixture(config: Self.config, at: Self.day(10))
        signal(f, .x11Idle, true, at: Self.day(10, 5))
        #expect(f.wake() == Self.day(10, 30))
        signal(f, .x11Idle, false, at: Self.day(10, 40))
        _ = try f.ok(.done(reminder: "water"))
        let done = try #require(f.journal.entries.last { $0.field("CRAMPD_EVENT") == "done" })
        #expect(done.field("CRAMPD_DUE_USEC") == String(Self.day(10, 30).microseconds))
        #expect(f.state.reminders["water"]?.lastDone == Self.day(10, 40))
    }
}
