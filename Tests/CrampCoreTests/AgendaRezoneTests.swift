import CrampCore
import CrampDaemon  // Zone.named: the system tzdata
import TOML
import Testing

/// A new system zone while running: every reminder is re-planned on the new clock from now.
@Suite struct AgendaRezoneTests {
    let berlin = try! Zone.named("Europe/Berlin")
    let newYork = try! Zone.named("America/New_York")

    /// 09:00 fired in Berlin (08:00 UTC); at 15:00 UTC (10:00 in New York) the zone becomes New York.
    @Test func whatTheNewClockAlreadyPassedIsNeitherFiredNorMissed() {
        let config = agendaConfig([agendaAt("magnesium", [agendaTime(9, 0)])])
        let nineInBerlin = agendaUTC(2026, 11, 25, 8)
        let fired = Agenda.step(config: config, zone: berlin, state: .empty, now: agendaUTC(2026, 11, 25, 7)).state
        let afterBerlin = Agenda.step(config: config, zone: berlin, state: fired, now: nineInBerlin).state
        let now = agendaUTC(2026, 11, 25, 15)

        // Without re-planning, New York's 09:00 (14:00 UTC) counts as owed: caught up or missed now.
        let stale = Agenda.step(config: config, zone: newYork, state: afterBerlin, now: now)
        #expect(!stale.actions.isEmpty)

        let rezoned = Agenda.rezoned(config: config, state: afterBerlin, from: berlin, to: newYork, now: now)
        let step = Agenda.step(config: config, zone: newYork, state: rezoned, now: now)
        #expect(step.actions.isEmpty)
        // Next: 09:00 tomorrow in New York, 14:00 UTC.
        #expect(step.plan.first?.next?.fireAt == agendaUTC(2026, 11, 26, 14))
    }

    @Test func theSameZoneChangesNothing() {
        let config = agendaConfig([agendaAt("magnesium", [agendaTime(9, 0)])])
        let state = Agenda.step(config: config, zone: berlin, state: .empty, now: agendaUTC(2026, 11, 25, 7)).state
        #expect(Agenda.rezoned(config: config, state: state, from: berlin, to: berlin, now: agendaUTC(2026, 11, 25, 15)) == state)
    }

    @Test func snoozesSkipsAndPausesSurviveAZoneChange() {
        let config = agendaConfig([agendaAt("magnesium", [agendaTime(9, 0)]), agendaAt("water", [agendaTime(12, 0)])])
        let now = agendaUTC(2026, 11, 25, 7)
        var state = Agenda.step(config: config, zone: berlin, state: .empty, now: now).state
        state = state.recordingSnooze("magnesium", until: now + .minutes(30), now: now)
            .recordingSkip("water", now: now).paused(now: now, until: now + .minutes(5))
        let rezoned = Agenda.rezoned(config: config, state: state, from: berlin, to: newYork, now: now + .minutes(1))
        #expect(rezoned.reminders["magnesium"]?.snoozedUntil == now + .minutes(30))
        #expect(rezoned.reminders["water"]?.skipNext == true)
        #expect(rezoned.pause == state.pause)
        #expect(rezoned.reminders.values.allSatisfy { $0.handledThrough == now + .minutes(1) })
    }

    @Test func onlyTheSystemZoneIsFollowed() {
        let pinned = agendaConfig([])
        var withZone = pinned
        withZone.daemon.timezone = "Europe/Berlin"
        #expect(ZoneSource.of(config: pinned, environment: [:]) == .system)
        #expect(ZoneSource.of(config: pinned, environment: [:]).followsSystem)
        #expect(ZoneSource.of(config: pinned, environment: ["TZ": "Asia/Tokyo"]) == .environment("Asia/Tokyo"))
        #expect(ZoneSource.of(config: withZone, environment: ["TZ": "Asia/Tokyo"]) == .config("Europe/Berlin"))
        #expect(!ZoneSource.of(config: withZone, environment: [:]).followsSystem)
    }
}

/// `timezone` on a reminder: its schedule runs on that zone's clock, whatever the daemon's zone.
@Suite struct ReminderZoneTests {
    func load(_ text: String) -> Result<LoadedConfig, ConfigLoadFailure> {
        ConfigLoader.load([SourceText(name: "config.toml", text: text)])
    }

    static let homeTime = """
        [[reminder]]
        id = "magnesium"
        kind = "electrolyte"
        electrolyte = "magnesium"
        at = "21:00"
        timezone = "Europe/Berlin"

        """

    @Test func aReminderKeepsItsOwnZonesClockAndAZoneChangeLeavesIt() throws {
        let config = try load(Self.homeTime).get().config
        let tokyo = try Zone.named("Asia/Tokyo"), newYork = try Zone.named("America/New_York")
        let now = agendaUTC(2026, 11, 25, 12)
        let step = Agenda.step(config: config, zone: tokyo, state: .empty, now: now)
        #expect(step.plan.first?.next?.fireAt == agendaUTC(2026, 11, 25, 20))  // 21:00 in Berlin
        let rezoned = Agenda.rezoned(config: config, state: step.state, from: tokyo, to: newYork, now: now + .hours(1))
        #expect(rezoned == step.state)
        #expect(Agenda.plan(config: config, zone: newYork, state: rezoned, now: now + .hours(1)).first?.next?.fireAt == agendaUTC(2026, 11, 25, 20))
        #expect(ScheduleWording.describe(config.reminders[0]) == "at 21:00 (Europe/Berlin time)")
    }

    @Test func anUnknownZoneIsALocatedError() {
        guard case .failure(let failure) = load(Self.homeTime.split(separator: "\n").map { $0.hasPrefix("timezone") ? "timezone = \"Europe/Atlantis\"" : String($0) }.joined(separator: "\n")) else {
            Issue.record("expected an error"); return
        }
        #expect(failure.rendered().contains("config.toml:6:"))
        #expect(failure.rendered().contains("unknown time zone \"Europe/Atlantis\""))
    }
}
