/// What the diary knows about today's intake, as plain data for the smart
/// hydration rules. The daemon reads it from the diary before each `Agenda.step`.
public struct IntakeFacts: Sendable, Equatable {
    /// The latest drink logged, if any.
    public var lastDrink: Instant?
    /// Water logged on the local date of `now` (in the agenda's zone).
    public var waterTodayMilliliters: Int

    public init(lastDrink: Instant? = nil, waterTodayMilliliters: Int = 0) {
        self.lastDrink = lastDrink; self.waterTodayMilliliters = waterTodayMilliliters
    }

    /// Nothing logged: no smart rule applies.
    public static let none = IntakeFacts()
}
