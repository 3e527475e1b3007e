/// What the agenda's smart rules need to know from the diary, computed for one moment.
///
/// - `skip_if_logged_within`: `drinkLogged(within:now:)`
/// - `anchor = "last-done"` for hydration: `lastDrinkAt`
/// - hydration stops once the goal is met: `goalMet`
/// - no dose suggested past a safety cap: `capExcess(electrolyte:milligrams:)`
public struct SmartReminderFacts: Sendable, Equatable {
    /// The latest drink at or before now, on any day.
    public var lastDrinkAt: Instant?
    public var waterTodayMilliliters: Int
    public var waterGoalMilliliters: Int?
    public var electrolyteTodayMilligrams: [Electrolyte: Int]
    public var capMilligrams: [Electrolyte: Int]
    /// The latest dose of each electrolyte at or before now, on any day (`<electrolyte>_min_gap`).
    public var lastDoseAt: [Electrolyte: Instant] = [:]
    /// Water logged in the hour up to now (today's records), for the catch-up cap of `water_checkpoints`.
    public var waterLastHourMilliliters = 0

    public init(lastDrinkAt: Instant?, waterTodayMilliliters: Int, waterGoalMilliliters: Int?,
                electrolyteTodayMilligrams: [Electrolyte: Int], capMilligrams: [Electrolyte: Int]) {
        self.lastDrinkAt = lastDrinkAt; self.waterTodayMilliliters = waterTodayMilliliters
        self.waterGoalMilliliters = waterGoalMilliliters; self.electrolyteTodayMilligrams = electrolyteTodayMilligrams
        self.capMilligrams = capMilligrams
    }

    /// `false` when there is no goal: reminders then run all day.
    public var goalMet: Bool { waterGoalMilliliters.map { waterTodayMilliliters >= $0 } ?? false }

    /// Was a drink logged less than `span` before `now`? (Strict, as the agenda's
    /// `skip_if_logged_within` rule reads it: a drink exactly `span` ago no longer counts.)
    public func drinkLogged(within span: TimeSpan, now: Instant) -> Bool {
        guard let last = lastDrinkAt else { return false }
        return now - last < span
    }

    /// Why a dose of `milligrams` should not be suggested now, or `nil` when it stays within
    /// today's cap (or there is no cap).
    public func capExcess(electrolyte: Electrolyte, milligrams: Int) -> DoseCapExcess? {
        DoseCapExcess.check(electrolyte: electrolyte, milligrams: milligrams, takenToday: electrolyteTodayMilligrams, caps: capMilligrams)
    }

    /// Facts at `now` from records covering at least today (and, for `lastDrinkAt`, the latest drink before it).
    public static func compute(records: DiaryRecords, goals: Goals, zone: Zone, now: Instant) -> SmartReminderFacts {
        let today = records.within(LocalDay.interval(of: LocalDay.date(of: now, in: zone), in: zone))
        var electrolytes: [Electrolyte: Int] = [:]
        for d in today.doses { electrolytes[d.electrolyte, default: 0] += d.milligrams }
        var lastDose: [Electrolyte: Instant] = [:]
        for d in records.doses where d.time <= now { lastDose[d.electrolyte] = max(lastDose[d.electrolyte] ?? d.time, d.time) }
        var facts = SmartReminderFacts(
            lastDrinkAt: records.drinks.lazy.map(\.time).filter { $0 <= now }.max(),
            waterTodayMilliliters: today.drinks.reduce(0) { $0 + $1.milliliters },
            waterGoalMilliliters: goals.waterMilliliters,
            electrolyteTodayMilligrams: electrolytes,
            capMilligrams: goals.capMilligrams)
        facts.lastDoseAt = lastDose
        facts.waterLastHourMilliliters = today.drinks.filter { $0.time <= now && now - $0.time < .hours(1) }.reduce(0) { $0 + $1.milliliters }
        return facts
    }
}
