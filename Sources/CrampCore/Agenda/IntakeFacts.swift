/// What the diary knows about today's intake, as plain data for the smart
/// hydration rules and the dose cap. The daemon reads it from the diary before each `Agenda.step`.
public struct IntakeFacts: Sendable, Equatable {
    /// The latest drink logged, if any.
    public var lastDrink: Instant?
    /// Water logged on the local date of `now` (in the agenda's zone).
    public var waterTodayMilliliters: Int
    /// Each electrolyte taken on the local date of `now`, for the dose cap.
    public var electrolyteTodayMilligrams: [Electrolyte: Int]
    /// The latest dose of each electrolyte, on any day, for `<electrolyte>_min_gap`.
    public var lastDose: [Electrolyte: Instant]
    /// Water logged in the hour before `now` (today's drinks), for the catch-up cap of `water_checkpoints`.
    public var waterLastHourMilliliters = 0

    public init(lastDrink: Instant? = nil, waterTodayMilliliters: Int = 0, electrolyteTodayMilligrams: [Electrolyte: Int] = [:],
                lastDose: [Electrolyte: Instant] = [:]) {
        self.lastDrink = lastDrink; self.waterTodayMilliliters = waterTodayMilliliters
        self.electrolyteTodayMilligrams = electrolyteTodayMilligrams; self.lastDose = lastDose
    }

    /// What the diary will know on a later local day when nothing more is logged: the day's
    /// totals start again from none, the last drink and doses stay.
    public var onLaterDays: IntakeFacts { IntakeFacts(lastDrink: lastDrink, lastDose: lastDose) }

    /// Nothing logged: no smart rule applies.
    public static let none = IntakeFacts()
}

extension SmartReminderFacts {
    /// What the agenda's intake rules need.
    public var intake: IntakeFacts {
        var facts = IntakeFacts(lastDrink: lastDrinkAt, waterTodayMilliliters: waterTodayMilliliters,
                                electrolyteTodayMilligrams: electrolyteTodayMilligrams, lastDose: lastDoseAt)
        facts.waterLastHourMilliliters = waterLastHourMilliliters
        return facts
    }
}

extension Optional where Wrapped == SmartReminderFacts {
    /// No facts (no diary, or it could not be read): no smart rule applies.
    public var intake: IntakeFacts { self?.intake ?? .none }
}
