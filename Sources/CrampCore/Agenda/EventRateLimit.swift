/// The cap on what all reminders together may produce: each agenda action becomes a
/// journal entry, often a desktop popup and a diary row, so a config with a thousand
/// minutely reminders must degrade, not flood.
///
/// The rule (the generic cell rate algorithm, one instant of state): on average one
/// event per `interval`, with bursts of up to `burst` at once. Ten reminders due at the
/// same minute all fire; a thousand fire twenty at once, then four a minute. Actions over
/// the cap are dropped (their occurrences stay handled, so nothing fires twice or later),
/// and the step says so once per episode, so that the warning is not a flood itself.
public struct EventRateLimit: Codable, Equatable, Sendable {
    /// 240 events an hour on average: a reminder every minute fits four times over.
    public static let interval = TimeSpan.seconds(15)
    public static let burst: Int64 = 20

    /// When the budget is whole again (GCRA's theoretical arrival time).
    public var fullAt: Instant
    /// Set while actions are being dropped: the first drop of this episode.
    public var droppingSince: Instant?

    public init(fullAt: Instant, droppingSince: Instant? = nil) { self.fullAt = fullAt; self.droppingSince = droppingSince }

    public static let fresh = EventRateLimit(fullAt: Instant(microseconds: 0))

    /// Keeps the actions the budget allows at `now`, in order. `dropped` counts the rest;
    /// `startedDropping` is true on the first step of an episode (warn then).
    func admitting<Event>(_ actions: [Event], now: Instant) -> (kept: [Event], limit: EventRateLimit, dropped: Int, startedDropping: Bool) {
        var limit = self
        // A budget further ahead than it can run was spent before the clock was set back.
        if limit.fullAt > now + Self.interval * Self.burst { limit.fullAt = now }
        if actions.isEmpty { return (actions, limit, 0, false) }
        var kept: [Event] = []
        var dropped = 0
        let slack = Self.interval * (Self.burst - 1)
        for action in actions {
            let start = max(limit.fullAt, now)
            if start - now <= slack {
                limit.fullAt = start + Self.interval
                kept.append(action)
            } else {
                dropped += 1
            }
        }
        let started = dropped > 0 && limit.droppingSince == nil
        if dropped > 0 { limit.droppingSince = limit.droppingSince ?? now } else { limit.droppingSince = nil }
        return (kept, limit, dropped, started)
    }
}

/// The step dropped events over `EventRateLimit`: the daemon logs this once per episode.
public struct RateLimitNotice: Equatable, Sendable {
    /// Dropped in this step.
    public var dropped: Int
    public init(dropped: Int) { self.dropped = dropped }

    public var message: String {
        "Too many reminder events: more than \(EventRateLimit.burst) at once or \(3600 / (EventRateLimit.interval.microseconds / 1_000_000)) an hour; "
            + "dropped \(dropped) now and dropping more until they slow down. Reminders more often than that would flood the journal and the desktop; check the schedules with: crampd check-config"
    }
}
