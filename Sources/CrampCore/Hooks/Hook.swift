/// `[[hook]]`: a program crampd runs when one of the named events happens.
public struct Hook: Sendable, Equatable {
    /// From 1, in the order of the config files: names the hook in the journal (`CRAMPD_HOOK`).
    public var index: Int
    /// Event names (`CRAMPD_EVENT` values) that run it.
    public var on: [String]
    /// The program (looked up in PATH when it has no "/") and its arguments, with placeholders.
    public var exec: [String]
    public var timeout: TimeSpan

    public init(index: Int, on: [String], exec: [String], timeout: TimeSpan = Hook.defaultTimeout) {
        self.index = index; self.on = on; self.exec = exec; self.timeout = timeout
    }

    public static let defaultTimeout = TimeSpan.seconds(10)
    public static let maximumTimeout = TimeSpan.minutes(10)

    /// Every event a hook may name: the `CRAMPD_EVENT` values crampd writes.
    public static let events = [
        "due", "catch-up", "repeat", "done", "snoozed", "skipped", "missed", "dismissed", "held", "back",
        "behind", "refill", "paused", "resumed", "reloaded", "reload-failed", "zone-changed", "drink", "dose", "cramp", "goal-met",
    ]
}
