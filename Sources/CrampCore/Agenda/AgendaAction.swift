/// What the daemon must do now, as decided by `Agenda.step`: write to the
/// journal, notify, and record in the diary. The state change is already in the
/// step's new state.
public enum AgendaAction: Equatable, Sendable {
    /// Fire the reminder now.
    case fire(Firing)
    /// Occurrences found later than their grace (suspend, downtime); recorded, not fired.
    case missed(reminderID: String, MissedOccurrences)
    /// One occurrence dropped on purpose.
    case skipped(reminderID: String, due: Instant, reason: SkipReason)
    /// Occurrences that fell due during a pause; silenced, never caught up.
    case silenced(reminderID: String, count: Int, latestDue: Instant)
    /// A firing while the person is away, locked, asleep or in do-not-disturb: journal only,
    /// kept in the state's `held` until they are back.
    case held(HeldOccurrence)
    /// The person is back: one popup and one journal entry saying what came due meanwhile.
    case back(BackReport)

    /// The reminder the action is about; `nil` for `back`, which is about every held one.
    public var reminderID: String? {
        switch self {
        case .fire(let firing): firing.reminderID
        case .missed(let id, _), .skipped(let id, _, _), .silenced(let id, _, _): id
        case .held(let held): held.reminderID
        case .back: nil
        }
    }
}

/// One firing of a reminder.
public struct Firing: Equatable, Sendable {
    public var reminderID: String
    /// The planned time of the occurrence this firing stands for (`CRAMPD_DUE_USEC`):
    /// the latest one it covers, or the snooze time.
    public var due: Instant
    /// When it was meant to fire, after quiet hours deferred it; lateness is measured from here.
    public var fireAt: Instant
    public var reason: FiringReason
    /// A catch-up for occurrences that fell due while crampd was running but held up (a
    /// stopped process, a suspended machine): it is late, not caught up after downtime.
    public var lateWhileRunning: Bool
    /// A catch-up for occurrences that fell due while the machine slept (`AgendaState.sleeps`).
    public var whileAsleep: Bool
    /// Set for a follow-up (`reason == .followUp`): which one, of how many.
    public var followUp: FollowUpNumber?
    /// An `urgent = true` reminder firing through do-not-disturb: shown with critical urgency.
    public var throughDoNotDisturb = false
    /// Set when the last dose of its electrolyte moved it to the end of `<electrolyte>_min_gap`.
    public var spacedAfterDose: DoseSpacing?
    /// A `pace = true` reminder: the amount (ml) that keeps the day on track, in place of its configured one.
    public var pacedMilliliters: Int?

    public init(reminderID: String, due: Instant, fireAt: Instant, reason: FiringReason, lateWhileRunning: Bool = false,
                whileAsleep: Bool = false, followUp: FollowUpNumber? = nil, spacedAfterDose: DoseSpacing? = nil) {
        self.reminderID = reminderID; self.due = due; self.fireAt = fireAt; self.reason = reason
        self.lateWhileRunning = lateWhileRunning; self.whileAsleep = whileAsleep; self.followUp = followUp
        self.spacedAfterDose = spacedAfterDose
    }
}

/// Follow-up `number` of `of` (`repeat_max`): `CRAMPD_REPEAT=number`.
public struct FollowUpNumber: Equatable, Sendable {
    public var number: Int
    public var of: Int
    public init(number: Int, of: Int) { self.number = number; self.of = of }
    /// The last follow-up: critical urgency when the reminder is `urgent`.
    public var isLast: Bool { number >= of }
}

public enum FiringReason: String, Equatable, Sendable, Codable {
    /// An occurrence of the schedule, on time (within grace).
    case scheduled
    /// The end of a snooze.
    case snoozed
    /// The single reminder standing for occurrences that were missed (`catch_up = "once"`).
    case catchUp = "catch-up"
    /// A follow-up of an unanswered occurrence (`repeat`).
    case followUp = "repeat"
}

/// Missed occurrences of one reminder, summarized: a week of downtime is one record, not a thousand.
public struct MissedOccurrences: Equatable, Sendable {
    /// How many; a lower bound when `countIsLowerBound` (more than `Agenda.maximumOccurrencesCounted`).
    public var count: Int
    public var countIsLowerBound: Bool
    public var earliestDue: Instant
    public var latestDue: Instant
    /// Set when the occurrence fired and stayed unanswered through this many follow-ups (`repeat`).
    public var unansweredFollowUps: Int?
    /// The latest of them fell due while the machine slept (`AgendaState.sleeps`).
    public var whileAsleep: Bool

    public init(count: Int, countIsLowerBound: Bool = false, earliestDue: Instant, latestDue: Instant, unansweredFollowUps: Int? = nil,
                whileAsleep: Bool = false) {
        self.count = count; self.countIsLowerBound = countIsLowerBound
        self.earliestDue = earliestDue; self.latestDue = latestDue; self.unansweredFollowUps = unansweredFollowUps
        self.whileAsleep = whileAsleep
    }
}

public enum SkipReason: Equatable, Sendable {
    /// `crampd ctl skip`.
    case requested
    /// A hydration reminder with `skip_if_logged_within`: a drink was logged that recently.
    case drinkLoggedRecently
    /// A hydration reminder after today's water goal was met.
    case waterGoalMet
    /// An electrolyte reminder whose amount would take today's total past its `[goals]` cap.
    case dailyCapReached(DoseCapExcess)
}
