/// Supplies (`[supply.<electrolyte>]`): how many units are left, and when they run out at the
/// pace the config's schedules take them. Pure; the daemon reads the count and doses from the diary.
///
/// - Units left: the latest count (`crampd ctl stock`, or `units` when crampd first saw the
///   supply) minus the units of every dose of that electrolyte logged at or after it (`ctl take`, Done),
///   each `Supply.units(forDose:)` (rounded up: a tablet is taken whole).
/// - The pace: the units the enabled reminders of that electrolyte with an amount will suggest
///   over the next `horizonDays` days, from their schedules (an `after` reminder counts only its
///   `latest` fallback, once a day). None: no regular schedule, and the run-out is not guessed.
/// - Refill due: the estimated run-out is within `refill_notice` (or nothing is left).
public enum SupplyEstimate {
    public static let horizonDays = 14

    public static func status(of supply: Supply, count: StockCount, dosesSinceMilligrams: [Int], config: Config,
                              now: Instant, zone: Zone) -> SupplyStatus {
        let used = dosesSinceMilligrams.reduce(0) { $0 + supply.units(forDose: $1) }
        let left = max(0, count.units - used)
        let scheduled = scheduledUnits(of: supply, config: config, now: now, zone: zone)
        var runOut: Instant?
        if left == 0 {
            runOut = now
        } else if scheduled > 0 {
            let horizon = TimeSpan.hours(24 * Int64(horizonDays)).microseconds
            runOut = now + TimeSpan(microseconds: horizon / Int64(scheduled) * Int64(left))
        }
        let refillDue = runOut.map { $0 - now <= supply.refillNotice } ?? false
        return SupplyStatus(electrolyte: supply.electrolyte, unitsLeft: left, mgPerUnit: supply.mgPerUnit, countedAt: count.at,
                            unitsPerHorizon: scheduled > 0 ? scheduled : nil, runOut: runOut,
                            runOutDate: runOut.map { LocalDay.date(of: $0, in: zone) }, refillDue: refillDue)
    }

    /// Units the schedules take in the next `horizonDays` days.
    static func scheduledUnits(of supply: Supply, config: Config, now: Instant, zone: Zone) -> Int {
        let end = now + .hours(24 * Int64(horizonDays))
        var units = 0
        for reminder in config.reminders where reminder.enabled && reminder.kind == .electrolyte && reminder.electrolyte == supply.electrolyte {
            guard let amount = reminder.amount else { continue }
            var cursor = now
            var count = 0
            while count < horizonDays * 1_440,
                  let due = reminder.schedule.nextDue(after: cursor, in: reminder.zone ?? zone, lastDone: nil), due <= end {
                count += 1
                cursor = due
            }
            units += count * supply.units(forDose: amount)
        }
        return units
    }
}

/// A count of a supply: `units` at `at` (`crampd ctl stock magnesium 90`, or the config's `units`).
public struct StockCount: Sendable, Equatable, Codable {
    public var units: Int
    public var at: Instant
    public init(units: Int, at: Instant) { self.units = units; self.at = at }
}

/// One supply as `crampd ctl stock` shows it.
public struct SupplyStatus: Sendable, Equatable, Codable {
    public var electrolyte: Electrolyte
    public var unitsLeft: Int
    public var mgPerUnit: Int
    /// When the count it starts from was set.
    public var countedAt: Instant
    /// Units the schedules take in `SupplyEstimate.horizonDays` days; nil: no regular schedule.
    public var unitsPerHorizon: Int?
    /// When it is estimated to run out; nil without a regular schedule.
    public var runOut: Instant?
    public var runOutDate: CivilDate?
    /// The run-out is within `refill_notice`.
    public var refillDue: Bool

    public init(electrolyte: Electrolyte, unitsLeft: Int, mgPerUnit: Int, countedAt: Instant, unitsPerHorizon: Int?,
                runOut: Instant?, runOutDate: CivilDate?, refillDue: Bool) {
        self.electrolyte = electrolyte; self.unitsLeft = unitsLeft; self.mgPerUnit = mgPerUnit; self.countedAt = countedAt
        self.unitsPerHorizon = unitsPerHorizon; self.runOut = runOut; self.runOutDate = runOutDate; self.refillDue = refillDue
    }

    /// "magnesium: 12 units left (200 mg each), run out around 2026-12-02" / "…; no regular schedule to estimate from".
    public var summary: String {
        var text = "\(electrolyte.rawValue): \(unitsLeft) unit\(unitsLeft == 1 ? "" : "s") left (\(mgPerUnit) mg each)"
        if unitsLeft == 0 { return text + ", none left: refill" }
        guard let date = runOutDate else { return text + "; no regular schedule to estimate the run-out from" }
        text += ", run out around \(date.isoText)"
        if refillDue { text += ": time to refill" }
        return text
    }
}

/// When to tell that a supply runs low (`CRAMPD_EVENT=refill`).
public enum RefillNotice {
    public static let repeatEvery = TimeSpan.hours(24)

    /// The journal: at once on `immediate` (start, a dose, a stock change, a reload), else at most
    /// once a day. The popup: at most once a day, never in quiet hours.
    public static func decide(_ status: SupplyStatus, immediate: Bool, lastJournal: Instant?, lastPopup: Instant?,
                              inQuietHours: Bool, now: Instant) -> (journal: Bool, popup: Bool) {
        guard status.refillDue else { return (false, false) }
        let journal = immediate || lastJournal.map { now - $0 >= repeatEvery || $0 > now } ?? true
        let popup = !inQuietHours && (lastPopup.map { now - $0 >= repeatEvery || $0 > now } ?? true)
        return (journal, popup)
    }

    /// Whether `now` is inside the config's quiet hours: no popup then.
    public static func inQuietHours(_ config: Config, zone: Zone, now: Instant) -> Bool {
        QuietHours(config.daemon.quietHours, zone: zone).deferral(of: now) > now
    }

    /// "Your magnesium runs low: 12 units left, about until 2026-12-02. Time to refill."
    public static func message(_ status: SupplyStatus) -> String {
        let name = status.electrolyte.rawValue
        guard status.unitsLeft > 0 else { return "Your \(name) has run out (by the doses logged). Time to refill; then: crampd ctl stock \(name) COUNT" }
        return "Your \(name) runs low: \(status.unitsLeft) unit\(status.unitsLeft == 1 ? "" : "s") left, enough until about \(status.runOutDate.map(\.isoText) ?? "soon"). "
            + "Time to refill; then: crampd ctl stock \(name) COUNT"
    }
}
