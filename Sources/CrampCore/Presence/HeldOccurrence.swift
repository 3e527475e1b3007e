/// One firing that was held instead of shown: the journal has it (`CRAMPD_EVENT=held`), the
/// person has not seen it yet. Kept in the agenda state until the person is back.
public struct HeldOccurrence: Codable, Equatable, Sendable {
    public var reminderID: String
    /// The planned time of the occurrence (`CRAMPD_DUE_USEC`).
    public var due: Instant
    /// When it would have popped up; "older than grace" counts from here.
    public var heldAt: Instant
    public var reason: HoldReason

    public init(reminderID: String, due: Instant, heldAt: Instant, reason: HoldReason) {
        self.reminderID = reminderID; self.due = due; self.heldAt = heldAt; self.reason = reason
    }
}
