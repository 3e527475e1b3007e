/// A reminder still due later today, as the agenda computes it; `TodaySummary` only lists it.
public struct PendingReminder: Sendable, Equatable, Hashable, Codable {
    public var reminderID: String
    public var due: Instant
    /// What it asks for, e.g. "250 ml" (`Reminder.amountText`); `nil` when it has no amount.
    public var amountText: String?

    public init(reminderID: String, due: Instant, amountText: String? = nil) {
        self.reminderID = reminderID; self.due = due; self.amountText = amountText
    }

    /// `reminder` on the wire, as in every other result; `reminderID` (before 0.1.1) is still read.
    enum CodingKeys: String, CodingKey { case reminderID = "reminder", due, amountText, legacyReminderID = "reminderID" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reminderID = try c.decodeIfPresent(String.self, forKey: .reminderID) ?? c.decode(String.self, forKey: .legacyReminderID)
        due = try c.decode(Instant.self, forKey: .due)
        amountText = try c.decodeIfPresent(String.self, forKey: .amountText)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reminderID, forKey: .reminderID)
        try c.encode(due, forKey: .due)
        try c.encodeIfPresent(amountText, forKey: .amountText)
    }
}
