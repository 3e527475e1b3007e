import SQLite

/// Copies what can still be read from a damaged diary into the new one, table by table: a
/// scan from the first row until a damaged page stops it, one from the last row back, then
/// each missing id in between looked up on its own (a lookup only fails when its own page
/// is damaged). Debian's libsqlite3 has no recovery extension (`sqlite3_recover_*` lives in
/// the sqlite3 shell only), hence this.
enum DiarySalvage {
    /// The tables of `DiarySchema`; their columns are taken from the new diary.
    static let tables = ["entry", "reminder_event", "insight_notice"]
    /// Bounds the single-id lookups over all tables, whatever ids the damaged file claims.
    static let maximumLookups = 200_000

    /// Copies readable rows of `damagedPath` into `fresh` (ids kept, so `undo` still takes the
    /// latest entry) and returns how many. Never throws: what cannot be read is left behind.
    static func copy(from damagedPath: String, into fresh: Database) -> Int {
        guard let damaged = try? Database(path: damagedPath, mode: .readOnly) else { return 0 }
        defer { try? damaged.close() }
        var lookups = maximumLookups
        var copied = 0
        for table in tables {
            guard let columns = try? fresh.query("PRAGMA table_info(\(table))", row: { (s: Statement) throws(SQLiteError) in s.string(at: 1) ?? "" }),
                  columns.first == "id" else { continue }
            let list = columns.joined(separator: ", ")
            var rows: [Int64: [SQLiteValue]] = [:]
            scan(damaged, "SELECT \(list) FROM \(table) ORDER BY id", into: &rows)
            scan(damaged, "SELECT \(list) FROM \(table) ORDER BY id DESC", into: &rows)
            let known = rows.keys.sorted()
            if let last = known.last {
                var id: Int64 = 1
                while id < last && lookups > 0 {
                    if rows[id] == nil {
                        lookups -= 1
                        scan(damaged, "SELECT \(list) FROM \(table) WHERE id = \(id)", into: &rows)
                    }
                    id += 1
                }
            }
            copied += insert(rows, into: fresh, table: table, columns: list, count: columns.count)
        }
        return copied
    }

    /// Reads rows until the end or the first error.
    private static func scan(_ database: Database, _ sql: String, into rows: inout [Int64: [SQLiteValue]]) {
        guard let statement = try? database.prepare(sql) else { return }
        defer { statement.close() }
        while (try? statement.step()) == true {
            let row = (0..<statement.columnCount).map { statement.value(at: $0) }
            if case .integer(let id) = row[0] { rows[id] = row }
        }
    }

    /// One transaction; a row the new schema refuses (its CHECKs) is skipped.
    private static func insert(_ rows: [Int64: [SQLiteValue]], into fresh: Database, table: String, columns: String, count: Int) -> Int {
        guard !rows.isEmpty else { return 0 }
        let placeholders = Array(repeating: "?", count: count).joined(separator: ", ")
        var inserted = 0
        _ = try? fresh.transaction {
            for id in rows.keys.sorted() {
                guard let row = rows[id] else { continue }
                if (try? fresh.run("INSERT OR IGNORE INTO \(table) (\(columns)) VALUES (\(placeholders))", row)) == 1 { inserted += 1 }
            }
        }
        return inserted
    }
}
