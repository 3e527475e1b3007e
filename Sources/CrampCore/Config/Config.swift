/// A validated crampd configuration: what the daemon runs on.
///
/// Built only by the config loader from TOML (see `ConfigLoader`); every
/// value here has passed validation. Defaults are documented in
/// `config/crampd.toml`, which is also the embedded default.
public struct Config: Sendable, Equatable {
    public var daemon: DaemonSettings
    public var goals: Goals
    /// In the order they were first defined across the config files.
    public var reminders: [Reminder]
    /// `[[hook]]`s in the order of the files, numbered from 1.
    public var hooks: [Hook]
    /// `[supply.<electrolyte>]` (Supply.swift).
    public var supplies: [Electrolyte: Supply] = [:]

    public init(daemon: DaemonSettings = DaemonSettings(), goals: Goals = Goals(), reminders: [Reminder] = [], hooks: [Hook] = []) {
        self.daemon = daemon; self.goals = goals; self.reminders = reminders; self.hooks = hooks
    }

    public func reminder(id: String) -> Reminder? { reminders.first { $0.id == id } }
}

/// What to do with reminders that fell due while the machine slept or crampd was down.
public enum CatchUpPolicy: String, Sendable, Equatable, Codable, CaseIterable {
    /// One catch-up reminder per missed reminder, never a burst.
    case once
    /// Nothing; the missed occurrences are only recorded.
    case skip
}

/// Where reminders go besides the journal.
public enum NotifyChannel: String, Sendable, Equatable, Codable, CaseIterable {
    case journal
    case desktop
}

/// `[daemon]`
public struct DaemonSettings: Sendable, Equatable {
    /// The IANA zone reminders are planned in; `nil` means the system zone.
    public var timezone: String?
    /// No reminder fires inside these windows; what falls due there waits for their end.
    public var quietHours: [DailyWindow]
    public var notify: Set<NotifyChannel>
    /// How late a reminder may fire before it counts as missed.
    public var grace: TimeSpan
    public var catchUp: CatchUpPolicy
    /// How long "Snooze" postpones a reminder when no duration is given.
    public var snooze: TimeSpan
    /// What a due reminder does while the person is away, locked, asleep or in do-not-disturb.
    public var whileAway: WhileAway
    /// No input for this long is away (X11 idle); `nil`: `away_after = "off"`.
    public var awayAfter: TimeSpan?

    public init(timezone: String? = nil, quietHours: [DailyWindow] = [], notify: Set<NotifyChannel> = [.journal],
                grace: TimeSpan = .minutes(10), catchUp: CatchUpPolicy = .once, snooze: TimeSpan = .minutes(10),
                whileAway: WhileAway = .hold, awayAfter: TimeSpan? = .minutes(5)) {
        self.timezone = timezone; self.quietHours = quietHours; self.notify = notify
        self.grace = grace; self.catchUp = catchUp; self.snooze = snooze
        self.whileAway = whileAway; self.awayAfter = awayAfter
    }
}

/// `[daemon] while_away`.
public enum WhileAway: String, Sendable, Equatable, Codable, CaseIterable {
    /// Held: journal only, then one "while you were away" popup on return.
    case hold
    /// Popups as if the person were there (crampd before presence).
    case deliver
}

public enum Electrolyte: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case sodium, potassium, magnesium, calcium
}

/// `[goals]`: daily targets (and optional safety caps) in ml and mg.
public struct Goals: Sendable, Equatable {
    public var waterMilliliters: Int?
    public var targetMilligrams: [Electrolyte: Int]
    /// A dose that would exceed this is not suggested.
    public var capMilligrams: [Electrolyte: Int]
    /// `<electrolyte>_min_gap`: doses of one electrolyte at least this far apart (DoseSpacing.swift).
    public var minimumGap: [Electrolyte: TimeSpan]
    /// `water_checkpoints`, in time order (WaterPace.swift).
    public var waterCheckpoints: [WaterCheckpoint] = []

    public init(waterMilliliters: Int? = nil, targetMilligrams: [Electrolyte: Int] = [:], capMilligrams: [Electrolyte: Int] = [:],
                minimumGap: [Electrolyte: TimeSpan] = [:]) {
        self.waterMilliliters = waterMilliliters; self.targetMilligrams = targetMilligrams; self.capMilligrams = capMilligrams
        self.minimumGap = minimumGap
    }
}

public enum ReminderKind: String, Sendable, Equatable, Codable, CaseIterable {
    case hydration, electrolyte, stretch, custom
}

/// `[[reminder]]`
public struct Reminder: Sendable, Equatable {
    public var id: String
    public var kind: ReminderKind
    /// Set exactly when `kind == .electrolyte`.
    public var electrolyte: Electrolyte?
    public var message: String
    /// ml for hydration, mg for electrolyte, absent otherwise.
    public var amount: Int?
    public var enabled: Bool
    public var schedule: Schedule
    /// Overrides `[daemon] catch_up` for this reminder.
    public var catchUp: CatchUpPolicy?
    /// Skip a hydration reminder when a drink was logged this recently.
    public var skipIfLoggedWithin: TimeSpan?
    /// `timezone`: this reminder's schedule runs on this zone's clock ("magnesium at 21:00 home
    /// time"); nil: the daemon's zone, which follows the system's unless pinned.
    public var zone: Zone?
    /// `repeat` and `repeat_max`: an unanswered occurrence comes again; nil: it does not.
    public var followUp: FollowUp?
    /// `urgent`: the last follow-up is shown with critical urgency.
    public var urgent: Bool
    /// `pace = true` (hydration): the amount keeps the day on track toward `water_ml` (WaterPace.swift).
    public var pace: Bool = false

    public init(id: String, kind: ReminderKind, electrolyte: Electrolyte? = nil, message: String, amount: Int? = nil,
                enabled: Bool = true, schedule: Schedule, catchUp: CatchUpPolicy? = nil, skipIfLoggedWithin: TimeSpan? = nil,
                zone: Zone? = nil, followUp: FollowUp? = nil, urgent: Bool = false) {
        self.id = id; self.kind = kind; self.electrolyte = electrolyte; self.message = message; self.amount = amount
        self.enabled = enabled; self.schedule = schedule; self.catchUp = catchUp; self.skipIfLoggedWithin = skipIfLoggedWithin
        self.zone = zone; self.followUp = followUp; self.urgent = urgent
    }

    /// The amount with its unit: "250 ml", "300 mg".
    public var amountText: String? {
        guard let amount else { return nil }
        return kind == .electrolyte ? "\(amount) mg" : "\(amount) ml"
    }
}
