import CSQLite

extension Database {
    /// Sets the connection up for a diary that must not lose an acknowledged entry:
    /// write-ahead log (readers never block the writer), `synchronous=FULL` (every commit
    /// is on disk before it returns, also in WAL mode), foreign keys enforced, and a busy
    /// timeout so a short-lived reader (a backup, the sqlite3 shell) does not fail a write.
    ///
    /// Reads the file, so a corrupt one fails here with `isCorrupt`.
    public func configureForDurability(busyTimeoutMilliseconds: Int32 = 5_000) throws(SQLiteError) {
        try setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
        let mode = try query("PRAGMA journal_mode = WAL") { statement throws(SQLiteError) in statement.string(at: 0) }.first ?? nil
        guard mode?.lowercased() == "wal" || path == ":memory:" else {
            throw SQLiteError(
                action: "enable write-ahead log on \(path)", function: "PRAGMA journal_mode", code: SQLITE_ERROR,
                message: "journal mode stayed \(mode ?? "unknown")")
        }
        try execute("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
    }

    /// Checks the file's structure (`PRAGMA quick_check`) and throws an `isCorrupt` error
    /// naming the first problems when it is damaged.
    ///
    /// The daemon runs it at start-up: a corrupt diary is moved aside and a new one started.
    public func quickCheck() throws(SQLiteError) {
        let problems = try query("PRAGMA quick_check") { statement throws(SQLiteError) in statement.string(at: 0) ?? "" }
        guard problems != ["ok"] else { return }
        throw SQLiteError(
            action: "check database \(path)", function: "PRAGMA quick_check", code: SQLITE_CORRUPT,
            message: problems.prefix(3).joined(separator: "; "))
    }

    /// Copies the WAL's committed pages into the main file and truncates the WAL to zero
    /// bytes; throws `SQLITE_BUSY` when a reader or writer kept it from finishing.
    public func checkpointTruncating() throws(SQLiteError) {
        let busy = try query("PRAGMA wal_checkpoint(TRUNCATE)") { statement throws(SQLiteError) in statement.int64(at: 0) }.first
        guard busy != 1 else {
            throw SQLiteError(action: "checkpoint \(path)", function: "PRAGMA wal_checkpoint(TRUNCATE)", code: SQLITE_BUSY,
                              message: "another connection is using the database")
        }
    }
}
