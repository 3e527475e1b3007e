import TestSupport
@testable import CrampCore

// Helpers for the agenda tests; names start with "agenda" or are nested so they
// cannot clash with helpers of other test files in this target.

/// 2026-11-25 is a Wednesday; tests in UTC start around here.
func agendaUTC(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Instant {
    Instant(microseconds: LocalDateTime(date: CivilDate(year: y, month: mo, day: d),
                                        time: TimeOfDay(hour: h, minute: mi, second: s)).microsecondsSinceEpochAsUTC)
}

/// A time on the test day 2026-11-25 (UTC).
func agendaDay(_ h: Int, _ mi: Int = 0, _ s: Int = 0) -> Instant { agendaUTC(2026, 11, 25, h, mi, s) }

func agendaTime(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m) }

func agendaEvery(_ id: String, _ interval: TimeSpan, windows: [DailyWindow] = [], anchor: Anchor = .window,
                 kind: ReminderKind = .hydration, catchUp: CatchUpPolicy? = nil, skipIfLoggedWithin: TimeSpan? = nil) -> Reminder {
    Reminder(id: id, kind: kind, message: "Drink a glass of water", amount: 250,
             schedule: .every(EverySchedule(interval: interval, windows: windows, anchor: anchor)),
             catchUp: catchUp, skipIfLoggedWithin: skipIfLoggedWithin)
}

func agendaAt(_ id: String, _ times: [TimeOfDay], kind: ReminderKind = .stretch, catchUp: CatchUpPolicy? = nil) -> Reminder {
    Reminder(id: id, kind: kind, message: "Stretch your calves", schedule: .at(AtSchedule(times: times)), catchUp: catchUp)
}

func agendaConfig(_ reminders: [Reminder], grace: TimeSpan = .minutes(10), catchUp: CatchUpPolicy = .once,
                  quietHours: [DailyWindow] = [], waterGoal: Int? = nil) -> Config {
    Config(daemon: DaemonSettings(quietHours: quietHours, grace: grace, catchUp: catchUp),
           goals: Goals(waterMilliliters: waterGoal), reminders: reminders)
}

/// The schedule's own occurrences in `(start, end]`: the oracle the agenda is checked against.
func agendaOccurrences(of reminder: Reminder, in zone: Zone, after start: Instant, through end: Instant,
                       lastDone: Instant? = nil) -> [Instant] {
    var result: [Instant] = []
    var cursor = start
    while let due = reminder.schedule.nextDue(after: cursor, in: zone, lastDone: lastDone), due <= end {
        result.append(due)
        cursor = due
    }
    return result
}

extension SplitMix64 {
    mutating func span(_ range: ClosedRange<Int64>, unit: TimeSpan) -> TimeSpan {
        unit * (range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1)))
    }
}

/// Drives the agenda the way the daemon does: step, act, save, sleep until the next wake.
struct AgendaDriver {
    struct Fired: Equatable { var at: Instant; var firing: Firing }

    var config: Config
    var zone: Zone
    var state = AgendaState.empty
    var intake = IntakeFacts.none
    /// Why popups are held (presence), as the daemon passes it.
    var holding: [HoldReason] = []
    var fired: [Fired] = []
    var actions: [(at: Instant, action: AgendaAction)] = []
    /// Where the daemon's timer is armed after the latest step.
    var nextWake: Instant?

    init(config: Config, zone: Zone = .utc) { self.config = config; self.zone = zone }

    @discardableResult
    mutating func step(at now: Instant) -> AgendaStep {
        let step = Agenda.step(config: config, zone: zone, state: state, now: now, intake: intake, holding: holding)
        for action in step.actions {
            actions.append((now, action))
            if case .fire(let firing) = action { fired.append(Fired(at: now, firing: firing)) }
        }
        state = step.state
        nextWake = step.nextWake
        return step
    }

    /// Steps at every wake from the current one through `end`, as an undisturbed daemon would.
    mutating func run(through end: Instant) {
        while let wake = nextWake, wake <= end { step(at: wake) }
    }

    func fires(of id: String) -> [Fired] { fired.filter { $0.firing.reminderID == id } }
    func actions(of id: String) -> [AgendaAction] { actions.map(\.action).filter { $0.reminderID == id } }
    var held: [HeldOccurrence] { actions.compactMap { if case .held(let h) = $0.action { h } else { nil } } }
    var backs: [(at: Instant, report: BackReport)] {
        actions.compactMap { if case .back(let r) = $0.action { ($0.at, r) } else { nil } }
    }
    var missed: [MissedOccurrences] {
        actions.compactMap { if case .missed(_, let m) = $0.action { m } else { nil } }
    }
}
