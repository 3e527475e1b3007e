/// How many reminder occurrences fell due and how many were confirmed.
///
/// An occurrence is a distinct (reminder, planned time) seen in a `due`, `catch-up` or `missed`
/// event, so a missed reminder that later fires as a catch-up counts once. `done` counts
/// distinct confirmations the same way; a `done` given before the reminder fired counts as done
/// but adds no occurrence, hence `percent` is capped at 100.
public struct ReminderAdherence: Sendable, Equatable, Codable {
    public var due: Int
    public var done: Int
    public var skipped: Int
    public var missed: Int

    public init(due: Int = 0, done: Int = 0, skipped: Int = 0, missed: Int = 0) {
        self.due = due; self.done = done; self.skipped = skipped; self.missed = missed
    }

    /// `nil` when nothing fell due.
    public var percent: Int? { due == 0 ? nil : min(100, done * 100 / due) }

    public static func + (a: ReminderAdherence, b: ReminderAdherence) -> ReminderAdherence {
        ReminderAdherence(due: a.due + b.due, done: a.done + b.done, skipped: a.skipped + b.skipped, missed: a.missed + b.missed)
    }

    /// One occurrence in the diary's events: a reminder at its planned time, counted once.
    private struct OccurrenceKey: Hashable { var reminderID: String; var planned: Instant }

    /// Adherence per day index; each event is bucketed by its planned time (the actual time
    /// when it has none), and `dayIndex` returns nil for events outside the span.
    static func perDay(_ events: [ReminderEventRecord], dayIndex: (Instant) -> Int?) -> [Int: ReminderAdherence] {
        var dueSeen: [Int: Set<OccurrenceKey>] = [:], doneSeen: [Int: Set<OccurrenceKey>] = [:]
        var result: [Int: ReminderAdherence] = [:]
        for e in events {
            let planned = e.planned ?? e.actual
            guard let i = dayIndex(planned) else { continue }
            let occurrence = OccurrenceKey(reminderID: e.reminderID, planned: planned)
            switch e.event {
            case .due, .catchUp, .missed:
                if dueSeen[i, default: []].insert(occurrence).inserted { result[i, default: .init()].due += 1 }
                if e.event == .missed { result[i, default: .init()].missed += 1 }
            case .done:
                if doneSeen[i, default: []].insert(occurrence).inserted { result[i, default: .init()].done += 1 }
            case .skipped:
                result[i, default: .init()].skipped += 1
            case .snoozed, .dismissed:
                break
            }
        }
        return result
    }
}
