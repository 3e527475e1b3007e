import CSQLite

extension Database {
    /// The schema version stored in the file header (`PRAGMA user_version`); 0 for a new file.
    public func userVersion() throws(SQLiteError) -> Int {
        try query("PRAGMA user_version") { statement throws(SQLiteError) in statement.int(at: 0) }.first ?? 0
    }

    /// Stores the schema version; takes effect with the surrounding transaction.
    public func setUserVersion(_ version: Int) throws(SQLiteError) {
        try execute("PRAGMA user_version = \(version)")
    }

    /// Brings the schema up to date: runs every step after the stored `user_version`, each in
    /// its own transaction together with the version bump, so a crash leaves the file at a
    /// step boundary. Step `i` (0-based) takes the schema from version `i` to `i + 1`.
    ///
    /// Refuses a file whose version is newer than `steps` knows (written by a newer crampd).
    /// Returns the versions before and after.
    @discardableResult
    public func migrate(_ steps: [String]) throws(SQLiteError) -> (from: Int, to: Int) {
        let current = try userVersion()
        guard current <= steps.count else {
            throw SQLiteError(
                action: "migrate database \(path)", function: "PRAGMA user_version", code: SQLITE_ERROR,
                message: "schema version \(current) is newer than the \(steps.count) this program knows; upgrade crampd")
        }
        for version in current..<steps.count {
            do {
                try transaction {
                    try execute(steps[version])
                    try setUserVersion(version + 1)
                }
            } catch let error as SQLiteError {
                throw SQLiteError(
                    action: "migrate database \(path) to version \(version + 1)", function: error.function,
                    code: error.code, message: error.message)
            } catch {
                preconditionFailure("BUG: migration step threw \(error)")
            }
        }
        return (current, steps.count)
    }
}
