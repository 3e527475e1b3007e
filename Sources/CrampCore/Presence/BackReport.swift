/// The one word when the person is back: what came due while they were away, locked, asleep
/// or in do-not-disturb. One popup and one journal entry (`CRAMPD_EVENT=back`), with Done
/// (records every reminder listed as due) and Snooze.
public struct BackReport: Equatable, Sendable {
    /// The reason the message is worded for: the first, in `HoldReason` order, anything was held for.
    public var reason: HoldReason
    /// Held within grace, per reminder, in the order first held: listed with their times.
    public var due: [HeldDues]
    /// Held longer than grace: recorded as missed, listed as such.
    public var missed: [ExpiredHold]

    /// The reminders held, each once, due ones first (`CRAMPD_HELD_REMINDERS`).
    public var reminderIDs: [String] {
        var seen = Set<String>()
        return (due.map(\.reminderID) + missed.map(\.reminderID)).filter { seen.insert($0).inserted }
    }

    /// The report for `held` when the person is back at `now`, or nil when nothing was held.
    /// What has grown older than `grace` by now is missed.
    public static func returning(_ held: HeldReminders, now: Instant, grace: TimeSpan) -> BackReport? {
        let settled = held.adding([], now: now, grace: grace)
        guard !settled.isEmpty, let reason = settled.reasons.min() else { return nil }
        var due: [HeldDues] = []
        for occurrence in settled.recent {
            if let index = due.firstIndex(where: { $0.reminderID == occurrence.reminderID }) {
                due[index].dues.append(occurrence.due)
            } else {
                due.append(HeldDues(reminderID: occurrence.reminderID, dues: [occurrence.due]))
            }
        }
        return BackReport(reason: reason, due: due, missed: settled.expired)
    }

    /// "While you were away: water at 10:30 and 11:15, magnesium at 12:00; missed (held longer
    /// than 10m): stretch at 09:00".
    public func message(in zone: Zone, grace: TimeSpan) -> String {
        func clock(_ instant: Instant) -> String { DiaryTimeFormat.clock(instant, in: zone) }
        func times(_ count: Int, _ earliest: Instant, _ latest: Instant, _ all: [Instant]) -> String {
            switch count {
            case 1: "at \(clock(earliest))"
            case 2 where all.count == 2: "at \(clock(all[0])) and \(clock(all[1]))"
            case 3 where all.count == 3: "at \(clock(all[0])), \(clock(all[1])) and \(clock(all[2]))"
            default: "\(count) times from \(clock(earliest)) to \(clock(latest))"
            }
        }
        var parts: [String] = []
        let listed = due.map { "\($0.reminderID) " + times($0.dues.count, $0.dues.first!, $0.dues.last!, $0.dues) }
        if !listed.isEmpty { parts.append(listed.joined(separator: ", ")) }
        let missedListed = missed.map { hold in
            let all = hold.count == 2 ? [hold.earliestDue, hold.latestDue] : [hold.earliestDue]
            return "\(hold.reminderID) " + times(hold.count, hold.earliestDue, hold.latestDue, all)
        }
        if !missedListed.isEmpty {
            parts.append("missed (held longer than \(DurationSyntax.format(grace))): " + missedListed.joined(separator: ", "))
        }
        return reason.whileWording + ": " + parts.joined(separator: "; ")
    }
}

/// The held occurrences of one reminder still within grace, oldest first.
public struct HeldDues: Equatable, Sendable {
    public var reminderID: String
    public var dues: [Instant]

    public init(reminderID: String, dues: [Instant]) { self.reminderID = reminderID; self.dues = dues }
}
