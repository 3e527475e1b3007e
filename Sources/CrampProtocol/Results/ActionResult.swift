import CrampCore

/// For every command that changes something. Sent only after the change is applied and saved.
public struct ActionResult: Sendable, Equatable, Codable {
    /// One sentence for people, e.g. "Snoozed water until 14:35."
    public var summary: String
    /// The reminder acted on; absent for pause, resume, reload.
    public var reminder: String?
    /// Each change in words, e.g. `every: 45m -> 30m`; empty when nothing changed
    /// (a repeated toggle is not an error).
    public var changes: [String]
    /// When the reminder fires next after the change; absent when it never will or for global commands.
    public var next: Instant?
    /// The pause in force after the change; absent when not paused.
    public var pause: PauseState?
    /// The change lasts until the next restart only (`--runtime`).
    public var runtime: Bool

    public init(summary: String, reminder: String? = nil, changes: [String] = [], next: Instant? = nil,
                pause: PauseState? = nil, runtime: Bool = false) {
        self.summary = summary; self.reminder = reminder; self.changes = changes; self.next = next
        self.pause = pause; self.runtime = runtime
    }
}
