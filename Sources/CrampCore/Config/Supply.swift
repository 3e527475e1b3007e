import TOML

/// `[supply.magnesium] units = 60, mg_per_unit = 200, refill_notice = "7d"`: tablets on hand
/// and when to tell that they run out (SupplyEstimate.swift).
public struct Supply: Sendable, Equatable {
    public var electrolyte: Electrolyte
    /// The count when crampd first sees the supply; `crampd ctl stock` sets later ones (kept in the diary).
    public var units: Int
    public var mgPerUnit: Int
    public var refillNotice: TimeSpan

    public init(electrolyte: Electrolyte, units: Int, mgPerUnit: Int, refillNotice: TimeSpan = .hours(24 * 7)) {
        self.electrolyte = electrolyte; self.units = units; self.mgPerUnit = mgPerUnit; self.refillNotice = refillNotice
    }

    /// More units than this is a typo, not a supply (a year of ten a day, with room).
    public static let maximumUnits = 10_000

    /// Units a dose of `milligrams` uses: rounded up, since a tablet or capsule is taken whole
    /// (a 300 mg dose of 200 mg tablets uses 2).
    public func units(forDose milligrams: Int) -> Int {
        guard milligrams > 0 else { return 0 }
        return (milligrams + mgPerUnit - 1) / mgPerUnit
    }
}

/// `[supply.<electrolyte>]`: `units` and `mg_per_unit` required, `refill_notice` optional.
enum SupplySchema {
    static func read(_ tables: [Electrolyte: LocatedTable], _ reader: inout ValueReader) -> [Electrolyte: Supply] {
        var supplies: [Electrolyte: Supply] = [:]
        for electrolyte in Electrolyte.allCases {
            guard let table = tables[electrolyte] else { continue }
            let errorsBefore = reader.diagnostics.count
            func required(_ key: String) -> Int? {
                guard let entry = table[key] else {
                    if let first = table.entries.first {
                        reader.diagnostics.add(atKey: first, "[supply.\(electrolyte.rawValue)] has no \"\(key)\"; set it, like \(key) = \(key == "units" ? 60 : 200)")
                    }
                    return nil
                }
                guard let value = reader.positiveInteger(entry) else { return nil }
                if key == "units", value > Supply.maximumUnits {
                    reader.fail(entry, "expected at most \(Supply.maximumUnits) for \"units\", got \(value)")
                    return nil
                }
                return value
            }
            let units = required("units"), mgPerUnit = required("mg_per_unit")
            guard let noticeEntry = table["refill_notice"] ?? ConfigSection.supply.defaultEntry("refill_notice"),
                  let notice = reader.duration(noticeEntry, allowZero: false) else { continue }
            guard reader.diagnostics.count == errorsBefore, let units, let mgPerUnit else { continue }
            supplies[electrolyte] = Supply(electrolyte: electrolyte, units: units, mgPerUnit: mgPerUnit, refillNotice: notice)
        }
        return supplies
    }
}
