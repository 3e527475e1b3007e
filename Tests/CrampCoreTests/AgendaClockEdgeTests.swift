import Testing
import CrampDaemon  // Zone.named(_:), ConfigLoader.loadDefault(): the system tzdata, handed in
@testable import CrampCore

/// Issue 13 item 1: the daemon's `now` is the system clock, which a person or a broken RTC
/// can set anywhere in `Int64`; zone math and the agenda are total over all of it.
/// The first three tests are the planner fuzz inputs in Tests/fuzz/regressions/planner/.
@Suite struct AgendaClockEdgeTests {
    /// `int64-max-quiet-hours-CivilDate-119`: the default config at Int64.max µs in New York
    /// trapped in `LocalDateTime.microsecondsSinceEpochAsUTC` (quiet hours' window end).
    @Test func theDefaultConfigAtTheLastMicrosecondInNewYork() throws {
        guard case .success(let loaded) = ConfigLoader.loadDefault() else { Issue.record("default config"); return }
        let now = Instant(microseconds: .max)
        let step = Agenda.step(config: loaded.config, zone: try Zone.named("America/New_York"), state: .empty, now: now)
        #expect(step.nextWake.map { $0 >= now } ?? true)
    }

    /// `near-int64-max-Zone-102`: the local time near Int64.max µs in Kolkata (instant + offset).
    @Test func theLocalTimeNearTheLastMicrosecondInKolkata() throws {
        let zone = try Zone.named("Asia/Kolkata")
        let now = Instant(microseconds: 0x7fff_ffff_997f_0000)
        _ = zone.localDateTime(at: now)
        _ = Agenda.step(config: agendaConfig([]), zone: zone, state: .empty, now: now)
    }

    /// `near-int64-max-lord-howe-ZoneRules-89`: the POSIX rule's span near Int64.max µs on Lord Howe.
    @Test func theOffsetNearTheLastMicrosecondOnLordHowe() throws {
        let zone = try Zone.named("Australia/Lord_Howe")
        let now = Instant(microseconds: 0x7fff_ffff_00ff_ff90)
        #expect([630, 660].contains(zone.offsetSeconds(at: now) / 60))
        _ = Agenda.step(config: agendaConfig([]), zone: zone, state: .empty, now: now)
    }

    static let edges: [Int64] = [
        .min, .min + 1, Instant.accepted.lowerBound.microseconds - 1, Instant.accepted.lowerBound.microseconds,
        Instant.accepted.lowerBound.microseconds + 1, Instant.accepted.upperBound.microseconds - 1,
        Instant.accepted.upperBound.microseconds, Instant.accepted.upperBound.microseconds + 1, .max - 1, .max,
    ]

    /// Quiet hours across midnight, every/at/calendar reminders, a zone with DST: step, plan
    /// and upcoming at each edge of `Int64` and of `Instant.accepted`, without a trap or a
    /// stall, and never a wake-up before `now`.
    @Test(.timeLimit(.minutes(1)), arguments: edges)
    func theAgendaAtAnyClock(microseconds: Int64) throws {
        let config = try validConfig("""
            [daemon]
            quiet_hours = "22:30-07:00"
            timezone = "Europe/Berlin"
            [[reminder]]
            id = "water"
            kind = "hydration"
            message = "Drink"
            every = "1h30m"
            between = "08:00-20:00"
            [[reminder]]
            id = "tea"
            kind = "hydration"
            message = "Tea"
            every = "10m"
            [[reminder]]
            id = "potassium"
            kind = "electrolyte"
            electrolyte = "potassium"
            message = "Banana"
            at = ["02:30", "12:30"]
            [[reminder]]
            id = "stretch"
            kind = "stretch"
            message = "Stretch"
            calendar = "Sun *-3,10-25..31 02:30"
            """)
        let zone = try Zone.named("Europe/Berlin")
        let now = Instant(microseconds: microseconds)
        for zone in [zone, .utc] {
            _ = Agenda.plan(config: config, zone: zone, state: .empty, now: now)
            var state = AgendaState.empty
            var at = now
            for _ in 0..<4 {
                let step = Agenda.step(config: config, zone: zone, state: state, now: at)
                #expect(step.nextWake.map { $0 >= at } ?? true, "wake \(String(describing: step.nextWake)) before \(at)")
                guard let wake = step.nextWake else { break }
                state = step.state
                at = wake
            }
            for firing in Agenda.upcoming(config: config, zone: zone, state: .empty, now: now, count: 5) {
                #expect(firing.fireAt >= now)
            }
        }
    }
}
