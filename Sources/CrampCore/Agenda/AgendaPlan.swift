/// The agenda at one `now`: the next firing of every enabled reminder, the first
/// of them, and what is due right now. Pure data; `ctl list`, `ctl next` and
/// `STATUS=` read it.
public struct AgendaPlan: Equatable, Sendable {
    public var now: Instant
    /// One per enabled reminder, in config order.
    public var entries: [AgendaEntry]
    /// What `Agenda.step` at this `now` does (fire, record as missed, skip, silence).
    public var dueNow: [AgendaAction]
    /// When the daemon must step again: the earliest next firing, the end of
    /// quiet hours when missed occurrences wait for it, or an occurrence the intake
    /// rules will skip (judged with the facts of its time). `nil`: nothing will
    /// ever be due (no reminders, or paused indefinitely). Always later than `now`.
    public var nextWake: Instant?

    public init(now: Instant, entries: [AgendaEntry], dueNow: [AgendaAction], nextWake: Instant?) {
        self.now = now; self.entries = entries; self.dueNow = dueNow; self.nextWake = nextWake
    }

    /// The entry that fires first (ties: config order): what the timer is armed for.
    public var first: AgendaEntry? {
        var best: AgendaEntry?
        for entry in entries {
            guard let next = entry.next else { continue }
            if let current = best?.next, current.fireAt <= next.fireAt { continue }
            best = entry
        }
        return best
    }

    public func entry(for reminderID: String) -> AgendaEntry? { entries.first { $0.reminderID == reminderID } }
}

/// One reminder in the plan.
public struct AgendaEntry: Equatable, Sendable {
    public var reminderID: String
    /// Its next firing after `now`; `nil` when it never fires again or a pause has no end.
    public var next: Firing?
    /// The occurrence that `crampd ctl skip` will drop, when a skip is pending and it is still ahead.
    public var skipping: Instant?
    /// Every occurrence pending skips will drop, in order, as far as the plan looked
    /// (a `skip --until` shows its first only).
    public var skipped: [Instant]
    /// Missed occurrences waiting for quiet hours to end before they are recorded and caught up.
    public var missedWaiting: MissedOccurrences?
    /// The next follow-up of an unanswered occurrence, when it comes before `next`.
    public var followUp: PendingFollowUp?

    public init(reminderID: String, next: Firing?, skipping: Instant? = nil, skipped: [Instant]? = nil,
                missedWaiting: MissedOccurrences? = nil, followUp: PendingFollowUp? = nil) {
        self.reminderID = reminderID; self.next = next; self.skipping = skipping; self.missedWaiting = missedWaiting
        self.followUp = followUp
        self.skipped = skipped ?? skipping.map { [$0] } ?? []
    }
}

/// The result of `Agenda.step`: act on `actions`, save `state`, arm the timer at `nextWake`.
public struct AgendaStep: Equatable, Sendable {
    public var actions: [AgendaAction]
    public var state: AgendaState
    public var plan: AgendaPlan
    /// Where to arm the one timer; `nil`: disarm (nothing will be due until a command changes something).
    public var nextWake: Instant? { plan.nextWake }
    /// Set when this step began dropping events over `EventRateLimit`: warn once.
    public var rateLimited: RateLimitNotice?
    /// A `water_checkpoints` checkpoint found the day behind: tell (journal, desktop).
    public var behind: BehindNotice?

    public init(actions: [AgendaAction], state: AgendaState, plan: AgendaPlan, rateLimited: RateLimitNotice? = nil,
                behind: BehindNotice? = nil) {
        self.actions = actions; self.state = state; self.plan = plan; self.rateLimited = rateLimited; self.behind = behind
    }
}
