/// A reminder still due later today, as the agenda computes it; `TodaySummary` only lists it.
public struct PendingReminder: Sendable, Equatable, Hashable, Codable {
    public var reminderID: String
    public var due: Instant
    /// What it asks for, e.g. "250 ml" (`Reminder.amountText`); `nil` when it has no amount.
    public var amountText: String?

    public init(reminderID: String, due: Instant, amountText: String? = nil) {
        self.reminderID = reminderID; self.due = due; self.amountText = amountText
    }
}
