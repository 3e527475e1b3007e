/// How today is going: `crampd ctl today`.
public struct TodaySummary: Sendable, Equatable, Codable {
    /// The local date of "now" in the diary's zone.
    public var date: CivilDate
    public var zoneName: String
    public var waterMilliliters: Int
    public var waterGoalMilliliters: Int?
    public var drinkCount: Int
    public var lastDrinkAt: Instant?
    public var electrolytes: [ElectrolyteProgress]
    /// Today's cramps in time order.
    public var cramps: [Cramp]
    /// From the agenda, in due order.
    public var stillDue: [PendingReminder]
    /// Today against `water_checkpoints` and `pace = true` reminders (WaterPace.status); nil without them or for an earlier day.
    public var pace: PaceStatus?

    public init(date: CivilDate, zoneName: String, waterMilliliters: Int, waterGoalMilliliters: Int?, drinkCount: Int,
                lastDrinkAt: Instant?, electrolytes: [ElectrolyteProgress], cramps: [Cramp], stillDue: [PendingReminder]) {
        self.date = date; self.zoneName = zoneName; self.waterMilliliters = waterMilliliters
        self.waterGoalMilliliters = waterGoalMilliliters; self.drinkCount = drinkCount; self.lastDrinkAt = lastDrinkAt
        self.electrolytes = electrolytes; self.cramps = cramps; self.stillDue = stillDue
    }

    public var waterGoalMet: Bool { waterGoalMilliliters.map { waterMilliliters >= $0 } ?? false }

    /// The summary of the local day containing `now`. `records` may span more than today
    /// (the store's `records(in: LocalDay.interval(of:in:))` is exactly today); others are ignored.
    public static func compute(records: DiaryRecords, goals: Goals, zone: Zone, now: Instant,
                               stillDue: [PendingReminder] = []) -> TodaySummary {
        let today = LocalDay.date(of: now, in: zone)
        let day = records.within(LocalDay.interval(of: today, in: zone))
        return TodaySummary(
            date: today, zoneName: zone.name,
            waterMilliliters: day.drinks.reduce(0) { $0 + $1.milliliters },
            waterGoalMilliliters: goals.waterMilliliters,
            drinkCount: day.drinks.count,
            lastDrinkAt: day.drinks.map(\.time).max(),
            electrolytes: ElectrolyteProgress.list(doses: day.doses, goals: goals),
            cramps: day.cramps.sorted { $0.time < $1.time },
            stillDue: stillDue.sorted { $0.due < $1.due })
    }
}
