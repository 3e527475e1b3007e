/// What the daemon persists between runs so that, after a restart, nothing fires
/// twice and nothing due while it was down is lost. Saved atomically as JSON.
///
/// Only facts that cannot be derived from the config and the clock are kept.
/// The file format is versioned like the protocol (`formatVersion`, see
/// AgendaState+Coding.swift); every instant in it is checked against `Instant.accepted`.
public struct AgendaState: Equatable, Sendable {
    /// Keyed by reminder id; reminders that are gone from the config, or disabled, are dropped by `Agenda.step`.
    public var reminders: [String: ReminderState]
    /// Everything is silent while a pause lasts; `nil` when not paused.
    public var pause: Pause?
    /// When the running daemon started: occurrences due after it that were found late fell
    /// due while crampd was running but held up (a stopped process, a suspended machine),
    /// not while it was down.
    public var runningSince: Instant?
    /// The cap on events of all reminders together (`EventRateLimit`).
    public var rateLimit: EventRateLimit
    /// Firings held while the person was away, locked, asleep or in do-not-disturb, until they are back.
    public var held: HeldReminders
    /// Every `water_checkpoints` checkpoint at or before this instant has been judged (Agenda+Pace.swift).
    public var paceCheckedThrough: Instant?
    /// The latest suspends of the machine, oldest first, at most `maximumSleepsKept` (SleepSpan.swift).
    public var sleeps: [SleepSpan]

    public init(reminders: [String: ReminderState] = [:], pause: Pause? = nil, runningSince: Instant? = nil,
                rateLimit: EventRateLimit = .fresh, held: HeldReminders = .none, sleeps: [SleepSpan] = []) {
        self.reminders = reminders; self.pause = pause; self.runningSince = runningSince; self.rateLimit = rateLimit
        self.held = held; self.sleeps = sleeps
    }

    public static let empty = AgendaState()

    /// The daemon (re)started at `now`.
    public func started(at now: Instant) -> AgendaState {
        var copy = self
        copy.runningSince = now
        return copy
    }
}

/// The persisted facts about one reminder.
public struct ReminderState: Codable, Equatable, Sendable {
    /// Every occurrence planned at or before this instant has been dealt with
    /// (fired, caught up, recorded as missed, skipped, silenced by a pause, or it
    /// predates the reminder). This is the key to "never twice": occurrences
    /// are only ever looked for strictly after it.
    public var handledThrough: Instant
    /// When the reminder last actually fired (for `ctl list`, not for planning).
    public var lastFired: Instant?
    /// When the person last confirmed it (`crampd ctl done`); `anchor = "last-done"` counts from here.
    public var lastDone: Instant?
    /// A snoozed reminder fires again at this instant; occurrences up to it are absorbed.
    public var snoozedUntil: Instant?
    /// Drop the next scheduled occurrence (`crampd ctl skip`).
    public var skipNext: Bool
    /// With `skipNext`: how many more scheduled occurrences to drop after it (`crampd ctl skip ID N`: N-1).
    public var skipAfterNext: Int?
    /// Drop every scheduled occurrence due before this instant (`crampd ctl skip ID --today|--until TIME`).
    public var skipUntil: Instant?
    /// The follow-ups of the latest fired occurrence while it waits for an answer (`repeat`).
    public var followUp: FollowUpState?

    public init(handledThrough: Instant, lastFired: Instant? = nil, lastDone: Instant? = nil,
                snoozedUntil: Instant? = nil, skipNext: Bool = false) {
        self.handledThrough = handledThrough; self.lastFired = lastFired; self.lastDone = lastDone
        self.snoozedUntil = snoozedUntil; self.skipNext = skipNext
    }
}

/// A pause of all reminders from `since` until `until` (`nil`: until `crampd ctl resume`).
public struct Pause: Codable, Equatable, Sendable {
    public var since: Instant
    public var until: Instant?

    public init(since: Instant, until: Instant?) { self.since = since; self.until = until }

    /// Whether a firing at `instant` is silenced by this pause.
    public func covers(_ instant: Instant) -> Bool {
        guard instant >= since else { return false }
        guard let until else { return true }
        return instant < until
    }
}
