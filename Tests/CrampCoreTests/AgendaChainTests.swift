import FoundationEssentials
import Testing
@testable import CrampCore

/// Issue 17 part 3: `after`, `delay` and `latest`: a dose timed from another reminder's confirmation.
@Suite struct AgendaChainTests {
    static let dinner = agendaAt("dinner", [agendaTime(19, 0)], kind: .custom)

    static func magnesium(delay: TimeSpan = .hours(2), latest: TimeOfDay? = nil) -> Reminder {
        Reminder(id: "magnesium", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", amount: 200,
                 schedule: .after(ChainSchedule(anchorID: "dinner", delay: delay, latest: latest)))
    }

    /// A driver started the day before, so both reminders have state.
    static func driver(_ magnesium: Reminder) -> AgendaDriver {
        var driver = AgendaDriver(config: agendaConfig([dinner, magnesium]))
        driver.step(at: agendaUTC(2026, 11, 24, 12))
        return driver
    }

    @Test func dueDelayAfterTheOtherReminderIsDone() {
        var driver = Self.driver(Self.magnesium())
        driver.run(through: agendaDay(19, 30))
        #expect(driver.fires(of: "magnesium").isEmpty)
        driver.state = driver.state.recordingDone("dinner", at: agendaDay(19, 30))
        driver.step(at: agendaDay(19, 30))
        #expect(driver.nextWake == agendaDay(21, 30))
        driver.run(through: agendaUTC(2026, 11, 27))
        // Once, 2 h after the confirmation; the days after, without dinner done, nothing.
        #expect(driver.fires(of: "magnesium").map(\.at) == [agendaDay(21, 30)])
        #expect(driver.fires(of: "magnesium").first?.firing.due == agendaDay(21, 30))
    }

    @Test func notAtAllOnADayTheOtherIsNotDone() {
        var driver = Self.driver(Self.magnesium())
        driver.run(through: agendaUTC(2026, 11, 30))
        #expect(driver.fires(of: "dinner").count == 6)
        #expect(driver.fires(of: "magnesium").isEmpty)
        #expect(driver.actions(of: "magnesium").isEmpty)  // nothing missed either
    }

    @Test func latestIsTheFallbackAndTheLatestTime() {
        var driver = Self.driver(Self.magnesium(latest: agendaTime(22, 30)))
        // The first day: not done, so 22:30. Then: dinner done at 19:10, so 21:10. Day 2: not done, so 22:30.
        // Day 3: done at 21:00, 2 h later is past 22:30, so 22:30. Day 4: done at 23:00, after the fallback fired: nothing more.
        driver.run(through: agendaDay(19, 10))
        driver.state = driver.state.recordingDone("dinner", at: agendaDay(19, 10))
        driver.step(at: agendaDay(19, 10))
        driver.run(through: agendaUTC(2026, 11, 27, 21))
        driver.state = driver.state.recordingDone("dinner", at: agendaUTC(2026, 11, 27, 21))
        driver.step(at: agendaUTC(2026, 11, 27, 21))
        driver.run(through: agendaUTC(2026, 11, 28, 23))
        driver.state = driver.state.recordingDone("dinner", at: agendaUTC(2026, 11, 28, 23))
        driver.step(at: agendaUTC(2026, 11, 28, 23))
        driver.run(through: agendaUTC(2026, 11, 29, 12))
        #expect(driver.fires(of: "magnesium").map(\.at) == [
            agendaUTC(2026, 11, 24, 22, 30), agendaDay(21, 10), agendaUTC(2026, 11, 26, 22, 30), agendaUTC(2026, 11, 27, 22, 30), agendaUTC(2026, 11, 28, 22, 30),
        ])
    }

    @Test func aRestartKeepsTheConfirmation() throws {
        var driver = Self.driver(Self.magnesium())
        driver.run(through: agendaDay(19, 30))
        driver.state = driver.state.recordingDone("dinner", at: agendaDay(19, 30))
        driver.step(at: agendaDay(19, 30))
        // The state file round trip, then a daemon started at 20:00.
        let saved = try JSONEncoder().encode(driver.state)
        var restarted = AgendaDriver(config: driver.config)
        restarted.state = try JSONDecoder().decode(AgendaState.self, from: saved).started(at: agendaDay(20))
        restarted.step(at: agendaDay(20))
        restarted.run(through: agendaDay(23))
        #expect(restarted.fires(of: "magnesium").map(\.at) == [agendaDay(21, 30)])
    }

    @Test func upcomingAgreesWithWhatFires() {
        var driver = Self.driver(Self.magnesium(latest: agendaTime(22, 30)))
        driver.run(through: agendaDay(19, 10))
        driver.state = driver.state.recordingDone("dinner", at: agendaDay(19, 10))
        let upcoming = Agenda.upcoming(config: driver.config, zone: .utc, state: driver.state, now: agendaDay(19, 10), count: 6)
        driver.step(at: agendaDay(19, 10))
        driver.run(through: agendaUTC(2026, 11, 28, 23))
        #expect(upcoming.map(\.fireAt) == driver.fired.filter { $0.at > agendaDay(19, 10) }.prefix(6).map(\.at))
        #expect(upcoming.map(\.reminderID) == ["magnesium", "dinner", "magnesium", "dinner", "magnesium", "dinner"])
        #expect(upcoming[2].fireAt == agendaUTC(2026, 11, 26, 22, 30))
    }

    @Test func aDSTGapAtLatestComesAtTheJump() throws {
        let berlin = try Zone.named("Europe/Berlin")
        let chain = ChainSchedule(anchorID: "dinner", delay: .hours(1), latest: agendaTime(2, 30))
        // 2026-03-29 02:30 does not exist in Berlin: the clock jumps from 02:00 CET to 03:00 CEST (01:00 UTC).
        let due = chain.nextDue(after: agendaUTC(2026, 3, 29, 0), in: berlin, anchorDone: nil)
        #expect(due == agendaUTC(2026, 3, 29, 1))
    }

    @Test func theWordingNamesTheChain() {
        #expect(ScheduleWording.describe(Self.magnesium(latest: agendaTime(22, 30)).schedule) == "2h after dinner is done, at the latest 22:30")
    }
}
