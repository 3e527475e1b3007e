/// `crampd ctl stats [--days N]`: the last N local days, today included.
public struct DiaryStats: Sendable, Equatable, Codable {
    public var zoneName: String
    public var waterGoalMilliliters: Int?
    /// Oldest first; every day of the span appears, empty ones too.
    public var days: [DayStats]
    /// Totals over the span, with the daily target and cap for comparison.
    public var electrolytes: [ElectrolyteProgress]
    public var adherence: ReminderAdherence
    public var cramps: Int
    public var nightCramps: Int

    public init(zoneName: String, waterGoalMilliliters: Int?, days: [DayStats], electrolytes: [ElectrolyteProgress],
                adherence: ReminderAdherence, cramps: Int, nightCramps: Int) {
        self.zoneName = zoneName; self.waterGoalMilliliters = waterGoalMilliliters; self.days = days
        self.electrolytes = electrolytes; self.adherence = adherence; self.cramps = cramps; self.nightCramps = nightCramps
    }

    public var daysGoalMet: Int {
        guard let goal = waterGoalMilliliters else { return 0 }
        return days.count { $0.waterMilliliters >= goal }
    }

    /// What `--days` accepts: up to a year of bars.
    public static let allowedDays = 1...366

    public var averageWaterMilliliters: Int {
        days.isEmpty ? 0 : days.reduce(0) { $0 + $1.waterMilliliters } / days.count
    }

    /// Statistics of the `dayCount` local days ending with today (clamped to `allowedDays`;
    /// the handler should refuse other values first). A cramp counts for the local date it
    /// happened on, so one at 23:30 and one at 03:00 of the same night fall on two days.
    /// `records` may span more;
    /// others are ignored (the store's `records(in: LocalDay.interval(lastDays:endingAt:in:))` is exact).
    public static func compute(records: DiaryRecords, goals: Goals, zone: Zone, now: Instant, days dayCount: Int) -> DiaryStats {
        let count = min(max(dayCount, allowedDays.lowerBound), allowedDays.upperBound)
        let today = LocalDay.date(of: now, in: zone)
        return compute(records: records, goals: goals, zone: zone, first: today.adding(days: -(count - 1)), days: count)
    }

    /// Statistics of `count` local days from `first` on (`crampd ctl report`'s span); `records` may span more.
    public static func compute(records: DiaryRecords, goals: Goals, zone: Zone, first: CivilDate, days count: Int) -> DiaryStats {
        let span = records.within(LocalDay.start(of: first, in: zone)..<LocalDay.start(of: first.adding(days: count), in: zone))
        // Bucket by day index from `first`; dates computed once per record.
        func index(_ t: Instant) -> Int? {
            let i = Int(LocalDay.date(of: t, in: zone).daysSinceEpoch - first.daysSinceEpoch)
            return (0..<count).contains(i) ? i : nil
        }
        var days = (0..<count).map { DayStats(date: first.adding(days: $0)) }
        for d in span.drinks { if let i = index(d.time) { days[i].waterMilliliters += d.milliliters } }
        for d in span.doses {
            if let i = index(d.time) { days[i].add(d) }
        }
        for c in span.cramps {
            if let i = index(c.time) { days[i].cramps += 1; if c.atNight { days[i].nightCramps += 1 } }
        }
        let perDay = ReminderAdherence.perDay(span.reminderEvents) { index($0) }
        for (i, a) in perDay { days[i].reminders = a }
        return DiaryStats(
            zoneName: zone.name, waterGoalMilliliters: goals.waterMilliliters, days: days,
            electrolytes: ElectrolyteProgress.list(doses: span.doses, goals: goals),
            adherence: days.reduce(ReminderAdherence()) { $0 + $1.reminders },
            cramps: span.cramps.count, nightCramps: span.cramps.count { $0.atNight })
    }
}

/// One local day of `DiaryStats`.
public struct DayStats: Sendable, Equatable, Codable {
    public var date: CivilDate
    public var waterMilliliters: Int
    /// Only electrolytes taken that day, in `Electrolyte.allCases` order.
    public var electrolytes: [ElectrolyteAmount]
    public var cramps: Int
    public var nightCramps: Int
    public var reminders: ReminderAdherence

    public init(date: CivilDate, waterMilliliters: Int = 0, electrolytes: [ElectrolyteAmount] = [], cramps: Int = 0,
                nightCramps: Int = 0, reminders: ReminderAdherence = ReminderAdherence()) {
        self.date = date; self.waterMilliliters = waterMilliliters; self.electrolytes = electrolytes
        self.cramps = cramps; self.nightCramps = nightCramps; self.reminders = reminders
    }

    mutating func add(_ dose: Dose) {
        if let i = electrolytes.firstIndex(where: { $0.electrolyte == dose.electrolyte }) {
            electrolytes[i].milligrams += dose.milligrams
        } else {
            electrolytes.append(ElectrolyteAmount(electrolyte: dose.electrolyte, milligrams: dose.milligrams))
            electrolytes.sort { Electrolyte.allCases.firstIndex(of: $0.electrolyte)! < Electrolyte.allCases.firstIndex(of: $1.electrolyte)! }
        }
    }
}

/// An amount of one electrolyte (an array of these encodes to plain JSON, unlike an enum-keyed dictionary).
public struct ElectrolyteAmount: Sendable, Equatable, Hashable, Codable {
    public var electrolyte: Electrolyte
    public var milligrams: Int
    public init(electrolyte: Electrolyte, milligrams: Int) { self.electrolyte = electrolyte; self.milligrams = milligrams }
}
