/// One reminder event in the diary: the raw material of adherence statistics.
public struct ReminderEventRecord: Sendable, Equatable, Hashable, Codable {
    /// What happened to one occurrence of a reminder. The raw values are the words the journal
    /// uses in `CRAMPD_EVENT`, so the daemon's own event kind maps by raw value.
    /// (Nested, so it cannot clash with the daemon's `ReminderEvent`/`ReminderEventKind`.)
    public enum Kind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
        /// Fired on time into the journal.
        case due
        /// Confirmed by the person (`crampd ctl done ID`).
        case done
        case snoozed
        /// Skipped on purpose: `crampd ctl skip ID`, or a smart rule (drink logged recently, goal met, cap).
        case skipped
        /// Found later than its grace; handled by the missed policy.
        case missed
        /// Fired late, once, for an occurrence that was missed.
        case catchUp = "catch-up"
        /// The desktop notification was closed without an answer.
        case dismissed
    }

    public var reminderID: String
    public var event: Kind
    /// The occurrence's planned due time; `nil` when the event belongs to no occurrence
    /// (e.g. `done` before the reminder fired).
    public var planned: Instant?
    /// When the event happened.
    public var actual: Instant

    public init(reminderID: String, event: Kind, planned: Instant?, actual: Instant) {
        self.reminderID = reminderID; self.event = event; self.planned = planned; self.actual = actual
    }
}
