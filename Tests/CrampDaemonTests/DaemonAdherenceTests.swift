import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Testing

/// Issue 17 parts 2 and 3, in-process with the real diary: what the journal and `ctl` see of
/// spaced doses, checkpoints and pace. Against real time and journald: Tests/e2e/chain.sh, pace.sh.
@Suite("Daemon adherence")
struct DaemonAdherenceTests {
    static func day(_ hour: Int, _ minute: Int = 0) -> Instant { DaemonHandlerTests.day(hour, minute) }
    typealias Unexpected = DaemonHandlerTests.Unexpected

    func events(_ f: DaemonFixture, _ kind: String) -> [JournalEntry] { f.journal.entries.filter { $0.field("CRAMPD_EVENT") == kind } }

    @Test func aDoseTooSoonIsMovedAndTheJournalSaysSo() throws {
        let f = try DaemonFixture(config: """
            [daemon]
            timezone = "UTC"
            [goals]
            magnesium_min_gap = "4h"
            [[reminder]]
            id = "magnesium"
            kind = "electrolyte"
            electrolyte = "magnesium"
            message = "Take your magnesium."
            amount = 200
            at = "12:00"
            """, at: Self.day(10))
        guard case .diary(let taken) = try f.ok(.take(electrolyte: "magnesium", milligrams: 200)) else { throw Unexpected() }
        #expect(!taken.summary.contains("sooner than"))
        #expect(f.wake() == Self.day(14))
        let due = try #require(events(f, "due").last)
        #expect(due.message == "Take your magnesium. (moved to 14:00, 4h after the last magnesium dose at 10:00)")
        #expect(due.field("CRAMPD_SPACED_AFTER_USEC") == String(Self.day(10).microseconds))
        #expect(due.field("CRAMPD_DUE_USEC") == String(Self.day(12).microseconds))
        f.clock.set(Self.day(15))
        guard case .diary(let again) = try f.ok(.take(electrolyte: "magnesium", milligrams: 200)) else { throw Unexpected() }
        #expect(!again.summary.contains("sooner than"))  // 5 h after the last one
        f.clock.set(Self.day(16))
        guard case .diary(let soon) = try f.ok(.take(electrolyte: "magnesium", milligrams: 100)) else { throw Unexpected() }
        #expect(soon.summary.contains("That is 1h after your last magnesium dose (at 15:00)"))
    }

    @Test func behindAtACheckpointAndDoneLogsThePacedAmount() throws {
        let f = try DaemonFixture(config: """
            [daemon]
            timezone = "UTC"
            [goals]
            water_ml = 2000
            water_checkpoints = ["12:00=800"]
            [[reminder]]
            id = "water"
            kind = "hydration"
            amount = 250
            every = "1h"
            between = "08:00-20:00"
            pace = true
            """, at: Self.day(11, 30))
        _ = try f.ok(.drink(milliliters: 300, note: nil))
        #expect(f.wake() == Self.day(12))
        let behind = try #require(events(f, "behind").first)
        #expect(behind.message == "300 of 800 ml by 12:00: drink about 500 ml now.")
        #expect(behind.messageID == .waterBehind)
        // 1700 ml left over 12:00..19:00 (8 firings): 213 ml; never below 250.
        let due = try #require(events(f, "due").last)
        #expect(due.field("CRAMPD_AMOUNT") == "250")
        f.clock.set(Self.day(12, 1))
        _ = try f.ok(.drink(milliliters: 100, note: nil))
        f.wake()  // 13:00: 1600 over 7 → 229, still 250
        f.clock.set(Self.day(13, 1))
        _ = try f.ok(.done(reminder: "water"))
        f.clock.set(Self.day(18, 59))
        f.step(at: Self.day(18, 59))
        f.wake()  // 19:00, the last one: 1350 left, at most 500
        #expect(events(f, "due").last?.field("CRAMPD_AMOUNT") == "500")
        #expect(events(f, "due").last?.message.hasSuffix("(about 500 ml now keeps the day on track)") == true)
        f.clock.set(Self.day(19, 1))
        guard case .action(let done) = try f.ok(.done(reminder: "water")) else { throw Unexpected() }
        #expect(done.summary.contains("500 ml"))
        guard case .today(let today) = try f.ok(.today()) else { throw Unexpected() }
        #expect(today.waterMilliliters == 300 + 100 + 250 + 500)
        // Past the window's last firing the whole goal is expected.
        #expect(today.pace == PaceStatus(expectedMilliliters: 2000, behindMilliliters: 850))
    }
}
