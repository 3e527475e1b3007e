/// What became of the reminder occurrences of a span: each one counted once, with one outcome,
/// so `done + skipped + missed == due`.
///
/// An occurrence is a distinct (reminder, planned time) seen in any event: `due`, `catch-up`,
/// `missed`, `skipped` or `done` (a `done` without a planned time stands for an occurrence at
/// its own time). Its outcome is done if it was ever confirmed, else skipped if it was skipped,
/// else missed (it fell due, late or on time, and was neither confirmed nor skipped).
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

    /// The outcomes, worst first: a later event only ever improves an occurrence's.
    private enum Outcome: Int, Comparable {
        case missed, skipped, done
        static func < (a: Outcome, b: Outcome) -> Bool { a.rawValue < b.rawValue }
    }

    /// Adherence per day index; each event is bucketed by its planned time (the actual time
    /// when it has none), and `dayIndex` returns nil for events outside the span.
    static func perDay(_ events: [ReminderEventRecord], dayIndex: (Instant) -> Int?) -> [Int: ReminderAdherence] {
        var outcomes: [Int: [OccurrenceKey: Outcome]] = [:]
        for e in events {
            let planned = e.planned ?? e.actual
            guard let i = dayIndex(planned) else { continue }
            let outcome: Outcome
            switch e.event {
            case .due, .catchUp, .missed: outcome = .missed
            case .skipped: outcome = .skipped
            case .done: outcome = .done
            case .snoozed, .dismissed: continue
            }
            let occurrence = OccurrenceKey(reminderID: e.reminderID, planned: planned)
            outcomes[i, default: [:]][occurrence] = max(outcomes[i]?[occurrence] ?? outcome, outcome)
        }
        return outcomes.mapValues { day in
            var tally = ReminderAdherence()
            for outcome in day.values {
                tally.due += 1
                switch outcome {
                case .done: tally.done += 1
                case .skipped: tally.skipped += 1
                case .missed: tally.missed += 1
                }
            }
            return tally
        }
    }
}
