import CrampCore
import SQLite

/// Supplies in the diary: counts, the doses since, the last refill popup.
extension DiaryStore {
    /// `crampd ctl stock ELECTROLYTE COUNT`, or the config's `units` when crampd first sees a supply.
    public func recordStock(_ electrolyte: Electrolyte, units: Int, at time: Instant) throws(DiaryStoreError) {
        try write("record stock in diary \(path)") { () throws(SQLiteError) in
            try database.run("INSERT INTO stock_count (electrolyte, units, time_usec) VALUES (?, ?, ?)",
                             [.text(electrolyte.rawValue), .integer(Int64(units)), .integer(time.microseconds)])
        }
    }

    /// The latest count of a supply, if any.
    public func stockCount(of electrolyte: Electrolyte) throws(DiaryStoreError) -> StockCount? {
        try read("read diary \(path)") { () throws(SQLiteError) in
            try database.query("SELECT units, time_usec FROM stock_count WHERE electrolyte = ? ORDER BY time_usec DESC, id DESC LIMIT 1",
                               [.text(electrolyte.rawValue)]) { (s: Statement) throws(SQLiteError) in
                StockCount(units: Int(s.int64(at: 0)), at: Instant(microseconds: s.int64(at: 1)))
            }.first
        }
    }

    /// Each supply of `config` as `crampd ctl stock` shows it; a supply without a count yet gets
    /// the config's `units` recorded now.
    public func supplyStatuses(config: Config, zone: Zone, now: Instant) throws(DiaryStoreError) -> [SupplyStatus] {
        var statuses: [SupplyStatus] = []
        for electrolyte in Electrolyte.allCases {
            guard let supply = config.supplies[electrolyte] else { continue }
            var count = try stockCount(of: electrolyte)
            if count == nil {
                try recordStock(electrolyte, units: supply.units, at: now)
                count = StockCount(units: supply.units, at: now)
            }
            guard let count else { continue }
            let doses = try read("read diary \(path)") { () throws(SQLiteError) in
                try database.query("SELECT amount FROM entry WHERE kind = 'dose' AND electrolyte = ? AND time_usec >= ? AND time_usec <= ?",
                                   [.text(electrolyte.rawValue), .integer(count.at.microseconds), .integer(now.microseconds)]) {
                    (s: Statement) throws(SQLiteError) in Int(s.int64(at: 0))
                }
            }
            statuses.append(SupplyEstimate.status(of: supply, count: count, dosesSinceMilligrams: doses, config: config, now: now, zone: zone))
        }
        return statuses
    }

    public func lastRefillPopup(of electrolyte: Electrolyte) throws(DiaryStoreError) -> Instant? {
        try read("read diary \(path)") { () throws(SQLiteError) in
            try database.query("SELECT time_usec FROM refill_popup WHERE electrolyte = ?", [.text(electrolyte.rawValue)]) {
                (s: Statement) throws(SQLiteError) in Instant(microseconds: s.int64(at: 0))
            }.first
        }
    }

    public func recordRefillPopup(of electrolyte: Electrolyte, at time: Instant) throws(DiaryStoreError) {
        try write("record refill notice in diary \(path)") { () throws(SQLiteError) in
            try database.run("INSERT OR REPLACE INTO refill_popup (electrolyte, time_usec) VALUES (?, ?)",
                             [.text(electrolyte.rawValue), .integer(time.microseconds)])
        }
    }
}
