/// A fired occurrence of a reminder with `repeat`, waiting for an answer: persisted, so a
/// restart neither repeats a follow-up nor loses one.
public struct FollowUpState: Codable, Equatable, Sendable {
    /// The planned time of the occurrence followed up (`CRAMPD_DUE_USEC` of every follow-up).
    public var due: Instant
    /// Follow-ups fired so far; after `repeat_max` of them the next wake records the miss.
    public var repeats: Int
    /// When the next follow-up (or, after the last, the miss) is due: `repeat` after the latest firing.
    public var nextAt: Instant

    public init(due: Instant, repeats: Int, nextAt: Instant) { self.due = due; self.repeats = repeats; self.nextAt = nextAt }
}

/// A follow-up ahead, for `ctl show/list/status`: "follows up at 21:15 (2 of 2)".
public struct PendingFollowUp: Equatable, Sendable {
    /// When it fires: `FollowUpState.nextAt`, deferred past quiet hours and a pause.
    public var fireAt: Instant
    /// Which follow-up it is (1-based) and of how many.
    public var number: Int
    public var of: Int
    /// The occurrence followed up.
    public var due: Instant

    public init(fireAt: Instant, number: Int, of: Int, due: Instant) {
        self.fireAt = fireAt; self.number = number; self.of = of; self.due = due
    }
}
