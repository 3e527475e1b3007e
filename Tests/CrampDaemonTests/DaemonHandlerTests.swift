import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Testing

/// The daemon's request handlers, in-process: a real `Daemon` with its config, state file and
/// diary in a temporary directory, driven through `crampd ctl` requests by a clock the test
/// moves. What the real socket, journal, systemd and desktop do is the e2e suite's.
@Suite("Daemon handlers")
struct DaemonHandlerTests {
    static let config = """
        [daemon]
        timezone = "UTC"
        notify = ["journal"]
        grace = "10m"
        catch_up = "once"
        snooze = "10m"

        [goals]
        water_ml = 2000
        magnesium_max_mg = 350

        [[reminder]]
        id = "water"
        kind = "hydration"
        message = "Drink a glass of water."
        amount = 300
        every = "1h"
        between = "08:00-20:00"
        skip_if_logged_within = "30m"

        [[reminder]]
        id = "magnesium"
        kind = "electrolyte"
        electrolyte = "magnesium"
        message = "Take your magnesium."
        amount = 200
        at = ["12:00", "19:00"]

        """

    /// 2026-11-25 hh:mm UTC.
    static func day(_ hour: Int, _ minute: Int = 0) -> Instant { DiaryTestTime.today(hour, minute) }

    func fixture(at start: Instant = day(9, 5)) throws -> DaemonFixture {
        try DaemonFixture(config: Self.config, at: start)
    }

    func upcoming(_ fixture: DaemonFixture, _ count: Int) throws -> [String] {
        guard case .upcoming(let list) = try fixture.ok(.next(count: count)) else { throw Unexpected() }
        return list.occurrences.map { "\($0.reminder) \(ConfigSummary.formatLocal($0.at, in: .utc))" }
    }

    func action(_ fixture: DaemonFixture, _ command: Command) throws -> ActionResult {
        guard case .action(let result) = try fixture.ok(command) else { throw Unexpected() }
        return result
    }

    struct Unexpected: Error {}

    @Test func statusListAndNextSayWhatTheTimerIsArmedFor() throws {
        let f = try fixture()
        guard case .status(let status) = try f.ok(.status) else { throw Unexpected() }
        #expect(status.runningSince == Self.day(9, 5))
        #expect(status.next?.reminder == "water")
        #expect(status.next?.at == Self.day(10))
        #expect(status.pause == nil)
        guard case .reminders(let list) = try f.ok(.list) else { throw Unexpected() }
        #expect(list.reminders.map(\.id) == ["water", "magnesium"])
        #expect(list.reminders.map(\.next) == [Self.day(10), Self.day(12)])
        #expect(try upcoming(f, 4) == ["water Wed 2026-11-25 10:00:00 UTC", "water Wed 2026-11-25 11:00:00 UTC",
                                       "water Wed 2026-11-25 12:00:00 UTC", "magnesium Wed 2026-11-25 12:00:00 UTC"])
    }

    @Test func theTimerFiresWhatNextPredicted() throws {
        let f = try fixture()
        let predicted = try upcoming(f, 4)
        var fired: [String] = []
        for _ in 0..<3 {
            let before = f.journal.events.count
            let wake = try #require(f.wake())
            for event in f.journal.events[before...] where event.hasPrefix("due ") {
                fired.append(event.dropFirst(4) + " " + ConfigSummary.formatLocal(wake, in: .utc))
            }
        }
        #expect(fired == predicted)
        #expect(f.state.reminders["water"]?.lastFired == Self.day(12))
    }

    @Test func doneRecordsTheIntakeAndTodayShowsIt() throws {
        let f = try fixture()
        f.wake()  // water at 10:00
        f.clock.advance(by: .minutes(2))
        let done = try action(f, .done(reminder: "water"))
        #expect(done.summary.hasPrefix("Marked water as done. Logged the drink of 300 ml"))
        #expect(f.state.reminders["water"]?.lastDone == Self.day(10, 2))
        #expect(f.journal.events.suffix(1) == ["done water"])
        guard case .today(let today) = try f.ok(.today(date: nil)) else { throw Unexpected() }
        #expect(today.waterMilliliters == 300)
        #expect(today.drinkCount == 1)
    }

    @Test func snoozeMovesTheNextFiringAndItFiresThen() throws {
        let f = try fixture()
        f.wake()  // 10:00
        let snoozed = try action(f, .snooze(reminder: "water", duration: .minutes(15)))
        #expect(snoozed.summary == "Snoozed water until Wed 2026-11-25 10:15:00 UTC.")
        #expect(snoozed.next == Self.day(10, 15))
        #expect(f.state.reminders["water"]?.snoozedUntil == Self.day(10, 15))
        #expect(f.wake() == Self.day(10, 15))
        #expect(f.journal.events.suffix(1) == ["due water"])
        #expect(f.state.reminders["water"]?.snoozedUntil == nil)
        // Without a duration: `[daemon] snooze`.
        #expect(try action(f, .snooze(reminder: "water", duration: nil)).next == Self.day(10, 25))
    }

    @Test func skipDropsExactlyTheNextOccurrence() throws {
        let f = try fixture()
        let skipped = try action(f, .skip(reminder: "water"))
        #expect(skipped.summary == "Skipping the one at Wed 2026-11-25 10:00:00 UTC of water.")
        #expect(skipped.next == Self.day(11))
        #expect(try upcoming(f, 1) == ["water Wed 2026-11-25 11:00:00 UTC"])
        #expect(f.wake() == Self.day(11))  // the skip is recorded with the next firing
        #expect(f.journal.events.suffix(2) == ["skipped water", "due water"])
        #expect(f.state.reminders["water"]?.skipNext == false)
    }

    @Test func pauseSilencesAndResumeGoesOn() throws {
        let f = try fixture()
        let paused = try action(f, .pause(.duration(.hours(2))))
        #expect(paused.summary == "Paused all reminders until today, Wed 2026-11-25 11:05:00 UTC.")
        #expect(paused.pause == PauseState(since: Self.day(9, 5), until: Self.day(11, 5)))
        #expect(try upcoming(f, 1) == ["water Wed 2026-11-25 12:00:00 UTC"])
        guard case .status(let status) = try f.ok(.status) else { throw Unexpected() }
        #expect(status.pause?.until == Self.day(11, 5))
        f.clock.set(Self.day(10, 30))
        let resumed = try action(f, .resume)
        #expect(resumed.summary == "Resumed reminders.")
        #expect(resumed.next == Self.day(11))
        #expect(try action(f, .resume).summary == "Not paused; nothing to resume.")
        // The 10:00 occurrence fell in the pause: silenced, never caught up.
        #expect(f.journal.events.contains("skipped water"))
        #expect(!f.journal.events.contains("due water"))
        let past = f.failure(.pause(.until(Self.day(10))))
        #expect(past?.code == .badRequest)
    }

    @Test func runtimeSetLastsUntilResetAndUnknownIDsAreNotFound() throws {
        let f = try fixture()
        let set = try action(f, .set(reminder: "water", assignments: ["every=30m"], runtime: true))
        #expect(set.summary == "Changed water until crampd restarts.")
        #expect(set.changes == ["schedule: every 1h between 08:00-20:00 -> every 30m between 08:00-20:00"])
        #expect(set.next == Self.day(9, 30))
        #expect(set.runtime)
        let reset = try action(f, .reset(reminder: "water", runtime: true))
        #expect(reset.summary == "Reset water to the config files (runtime changes dropped).")
        #expect(reset.next == Self.day(10))
        #expect(f.failure(.set(reminder: "watr", assignments: ["every=30m"], runtime: true))?.code == .notFound)
        #expect(f.failure(.done(reminder: "watr"))?.code == .notFound)
        #expect(f.failure(.remove(reminder: "watr", runtime: true))?.code == .notFound)
        #expect(f.failure(.set(reminder: "water", assignments: ["every"], runtime: true))?.code == .badRequest)
        #expect(f.failure(.reset(reminder: "water", runtime: true))?.code == .badRequest)  // nothing left to reset
    }

    @Test func drinkAndTakeUseTheRemindersAmountsAndFeedTheAgenda() throws {
        let f = try fixture(at: Self.day(9, 45))
        guard case .diary(let drink) = try f.ok(.drink(milliliters: nil, note: nil)) else { throw Unexpected() }
        #expect(drink.drink?.milliliters == 300)  // the hydration reminder's amount
        // A drink at 09:45 with skip_if_logged_within = 30m: the 10:00 water is skipped, 11:00 is next.
        #expect(try upcoming(f, 1) == ["water Wed 2026-11-25 11:00:00 UTC"])
        guard case .diary(let dose) = try f.ok(.take(electrolyte: "magnesium", milligrams: nil)) else { throw Unexpected() }
        #expect(dose.dose?.milligrams == 200)
        #expect(f.failure(.take(electrolyte: "potassium", milligrams: nil))?.code == .invalidArgument)
        guard case .today(let today) = try f.ok(.today(date: nil)) else { throw Unexpected() }
        #expect(today.waterMilliliters == 300)
        #expect(today.electrolytes.first { $0.electrolyte == .magnesium }?.milligrams == 200)
    }

    @Test func aDosePastTheCapIsNeitherListedNorFired() throws {
        let f = try fixture()
        _ = try f.ok(.take(electrolyte: "magnesium", milligrams: 200))  // 200 + 200 > 350
        #expect(try upcoming(f, 20).first { $0.hasPrefix("magnesium") } == "magnesium Thu 2026-11-26 12:00:00 UTC")
        f.step(at: Self.day(12))
        let skip = try #require(f.journal.entries.last { $0.field("CRAMPD_REMINDER") == "magnesium" })
        #expect(skip.field("CRAMPD_EVENT") == "skipped")
        #expect(skip.message.contains("not suggesting 200 mg of magnesium: with the 200 mg taken today it would make 400 mg, above the daily cap of 350 mg"))
        #expect(f.state.reminders["magnesium"]?.lastFired == nil)
    }
}
