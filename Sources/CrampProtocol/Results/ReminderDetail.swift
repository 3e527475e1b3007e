import CrampCore

/// For `show`: everything about one reminder.
public struct ReminderDetail: Sendable, Equatable, Codable {
    /// What `list` shows for it.
    public var row: ReminderRow
    public var message: String
    /// With its unit: "250 ml", "300 mg"; absent when none.
    public var amount: String?
    /// "sodium", "potassium", "magnesium", "calcium"; only for electrolyte reminders.
    public var electrolyte: String?
    /// When it was last confirmed with `done`; absent when never.
    public var lastDone: Instant?
    /// "once" or "skip": what happens to occurrences missed while asleep or down.
    public var catchUp: String
    /// A hydration reminder is skipped when a drink was logged this recently; absent when off.
    public var skipIfLoggedWithin: TimeSpan?
    /// Where it is defined, `file:line`; the ctl drop-in when `set`/`add` changed it.
    public var definedAt: String?
    /// Changed with `--runtime`: the change ends at the next restart.
    public var runtimeChange: Bool
    /// The next few times it fires, earliest first.
    public var upcoming: [Instant]
    /// The daemon's zone, the one the times are shown in (see `StatusResult.zone`).
    public var zone: String?

    public init(row: ReminderRow, message: String, amount: String? = nil, electrolyte: String? = nil,
                lastDone: Instant? = nil, catchUp: String, skipIfLoggedWithin: TimeSpan? = nil,
                definedAt: String? = nil, runtimeChange: Bool = false, upcoming: [Instant] = [], zone: String? = nil) {
        self.row = row; self.message = message; self.amount = amount; self.electrolyte = electrolyte
        self.lastDone = lastDone; self.catchUp = catchUp; self.skipIfLoggedWithin = skipIfLoggedWithin
        self.definedAt = definedAt; self.runtimeChange = runtimeChange; self.upcoming = upcoming
        self.zone = zone
    }
}
