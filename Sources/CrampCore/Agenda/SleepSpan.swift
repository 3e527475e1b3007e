/// One suspend of the machine, as logind announced it (`PrepareForSleep`): from the moment it
/// went to sleep until it woke (`nil` while asleep, or when the wake was never seen). Kept in
/// the state so that what fell due meanwhile is named for what happened: "missed while the
/// machine slept", not "crampd was held up".
public struct SleepSpan: Codable, Equatable, Sendable {
    public var from: Instant
    public var until: Instant?

    public init(from: Instant, until: Instant?) { self.from = from; self.until = until }

    /// Whether an occurrence due at `due` fell inside this sleep; an open span lasts until `now`.
    public func covers(_ due: Instant, now: Instant) -> Bool {
        due >= from && due <= (until ?? now)
    }
}

extension AgendaState {
    /// How many sleeps the state remembers: a catch-up only ever looks at the latest few.
    public static let maximumSleepsKept = 8

    /// The machine goes to sleep at `now`. A sleep still open (its wake was never seen, e.g.
    /// crampd was restarted meanwhile) ends where the new one starts.
    public func fallingAsleep(at now: Instant) -> AgendaState {
        var copy = self
        if let last = copy.sleeps.last, last.until == nil {
            copy.sleeps[copy.sleeps.count - 1].until = max(last.from, now)
        }
        copy.sleeps.append(SleepSpan(from: now, until: nil))
        copy.sleeps.removeFirst(max(0, copy.sleeps.count - Self.maximumSleepsKept))
        return copy
    }

    /// The machine woke at `now`: the open sleep ends. Without one (crampd started while the
    /// machine slept, or missed the announcement) nothing is recorded.
    public func wakingUp(at now: Instant) -> AgendaState {
        guard let last = sleeps.last, last.until == nil else { return self }
        var copy = self
        copy.sleeps[copy.sleeps.count - 1].until = max(last.from, now)
        return copy
    }

}
