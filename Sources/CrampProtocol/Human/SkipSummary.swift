import CrampCore

/// The answer to `crampd ctl skip`: exactly the firings the new plan drops.
public enum SkipSummary {
    /// `dropped`: the firings the plan will drop, in order (a dropped snooze's end first).
    public static func text(reminder id: String, extent: SkipExtent, dropped: [Instant],
                            format: (Instant) -> String) -> String {
        switch extent {
        case .next(1):
            return "Skipping " + (dropped.first.map { "the one at \(format($0))" } ?? "its next occurrence") + " of \(id)."
        case .next(let count):
            let listed = dropped.prefix(count)
            guard !listed.isEmpty else { return "Skipping the next \(count) of \(id); none is planned." }
            let shortfall = listed.count < count ? " (only \(listed.count) planned)" : ""
            return "Skipping the next \(count) of \(id): \(series(listed.map(format)))\(shortfall)."
        case .until(let until):
            guard let first = dropped.first else {
                return "Skipping \(id) until \(format(until)); none is planned before then."
            }
            return "Skipping every \(id) until \(format(until)), the first at \(format(first))."
        }
    }

    /// "A", "A and B", "A, B and C".
    static func series(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
