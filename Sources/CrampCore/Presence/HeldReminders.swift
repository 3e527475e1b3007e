/// What came due while the person was away, locked, asleep or in do-not-disturb, until they
/// are back: persisted in the agenda state, so a restart neither loses nor repeats a held one.
///
/// Bounded whatever the absence: a held occurrence older than `grace` will be missed on
/// return anyway, so it is folded into one summary per reminder; at most `maximumRecent`
/// recent ones are kept one by one (beyond that the oldest are folded too).
public struct HeldReminders: Codable, Equatable, Sendable {
    /// More than the event rate limit lets through within any usual grace.
    public static let maximumRecent = 240

    /// Held within grace, oldest first: each is listed with its time on return.
    public private(set) var recent: [HeldOccurrence]
    /// Held longer than grace, per reminder: missed on return.
    public private(set) var expired: [ExpiredHold]
    /// Every reason something was held for (for the wording on return).
    public private(set) var reasons: Set<HoldReason>

    public static let none = HeldReminders(recent: [], expired: [], reasons: [])

    public init(recent: [HeldOccurrence], expired: [ExpiredHold], reasons: Set<HoldReason>) {
        self.recent = recent; self.expired = expired; self.reasons = reasons
    }

    public var isEmpty: Bool { recent.isEmpty && expired.isEmpty }
    /// How many occurrences are held.
    public var count: Int { recent.count + expired.reduce(0) { $0 + $1.count } }

    /// With `held` added, and what has grown older than `grace` at `now` folded.
    public func adding(_ held: [HeldOccurrence], now: Instant, grace: TimeSpan) -> HeldReminders {
        var copy = self
        copy.recent.append(contentsOf: held)
        for occurrence in held { copy.reasons.insert(occurrence.reason) }
        copy.fold { now - $0.heldAt > grace }
        let excess = copy.recent.count - Self.maximumRecent
        if excess > 0 {
            var index = 0
            copy.fold { _ in defer { index += 1 }; return index < excess }
        }
        return copy
    }

    /// Moves the recent occurrences for which `isOld` holds into `expired`, in order.
    private mutating func fold(_ isOld: (HeldOccurrence) -> Bool) {
        var kept: [HeldOccurrence] = []
        for occurrence in recent {
            guard isOld(occurrence) else { kept.append(occurrence); continue }
            if let index = expired.firstIndex(where: { $0.reminderID == occurrence.reminderID }) {
                expired[index].add(occurrence.due)
            } else {
                expired.append(ExpiredHold(reminderID: occurrence.reminderID, count: 1, earliestDue: occurrence.due, latestDue: occurrence.due))
            }
        }
        recent = kept
    }

    /// Only the reminders `keep` accepts (a reload removed or disabled the others).
    public func filtered(_ keep: (String) -> Bool) -> HeldReminders {
        HeldReminders(recent: recent.filter { keep($0.reminderID) }, expired: expired.filter { keep($0.reminderID) }, reasons: reasons)
    }
}

/// Held occurrences of one reminder that grew older than grace: missed on return.
public struct ExpiredHold: Codable, Equatable, Sendable {
    public var reminderID: String
    public var count: Int
    public var earliestDue: Instant
    public var latestDue: Instant

    public init(reminderID: String, count: Int, earliestDue: Instant, latestDue: Instant) {
        self.reminderID = reminderID; self.count = count; self.earliestDue = earliestDue; self.latestDue = latestDue
    }

    mutating func add(_ due: Instant) {
        count = count.addingReportingOverflow(1).overflow ? count : count + 1
        earliestDue = min(earliestDue, due); latestDue = max(latestDue, due)
    }

    /// As the agenda's missed action records it in the journal and the diary.
    public var missed: MissedOccurrences { MissedOccurrences(count: count, earliestDue: earliestDue, latestDue: latestDue) }
}
