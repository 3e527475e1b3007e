import CrampCore
import Glibc
import SQLite

/// The diary on disk: one SQLite file (`$XDG_STATE_HOME/crampd/diary.sqlite`) in WAL mode with
/// `synchronous=FULL`. Every write is its own transaction and returns only after COMMIT, so the
/// daemon may acknowledge a command as soon as the call returns.
///
/// The daemon is the only writer and uses the store from the `DiaryQueue`'s serial queue only (hence
/// `@unchecked Sendable`: the queue, not a lock, keeps it safe). Every failure is a typed
/// `DiaryStoreError`; nothing here ends the process.
public final class DiaryStore: @unchecked Sendable {
    public let path: String
    /// Set when opening found the file damaged and started a new one; log it at PRIORITY=2.
    public let recovery: DiaryRecovery?
    let database: Database
    /// Runs inside a write transaction after its statements and before COMMIT: lets a test
    /// kill the process at exactly that point.
    var beforeCommitForTesting: (() -> Void)?

    /// Opens or creates the diary at `path` (and its directory, mode 0700), brings the schema up
    /// to date and checks the file. A damaged file (SQLITE_CORRUPT/NOTADB from open, quick_check
    /// or migration) is moved aside as `path.corrupt-<UTC time of now>`, a new diary is started
    /// with what could still be read from it (`DiarySalvage`); `recovery` then says so. Other failures (permissions, a full disk, a diary written by a
    /// newer crampd) are thrown and leave the file alone.
    public init(path: String, now: Instant) throws(DiaryStoreError) {
        self.path = path
        try Self.makeParentDirectory(of: path)
        (database, recovery) = try Self.openChecked(path, now: now, recoverIfCorrupt: true)
    }

    /// Open, WAL + synchronous=FULL, quick_check, migrations: each can reveal a damaged file.
    private static func openChecked(_ path: String, now: Instant, recoverIfCorrupt: Bool) throws(DiaryStoreError) -> (Database, DiaryRecovery?) {
        var step = "open diary \(path)"
        var damaged: Database?
        do {
            let database = try Database(path: path, mode: .readWriteCreate)
            damaged = database
            step = "check diary \(path)"
            try database.configureForDurability()
            try database.quickCheck()
            step = "update the schema of diary \(path)"
            try database.migrate(DiarySchema.migrations)
            return (database, nil)
        } catch {
            guard error.isCorrupt, recoverIfCorrupt else { throw DiaryStoreError(action: step, error) }
            // Move the files while the damaged connection is still open: closing it first would
            // let SQLite delete (or checkpoint) the -wal and -shm we want to keep beside it.
            let movedTo = try DiaryRecovery.moveAside(path, now: now)
            try? damaged?.close()
            damaged = nil
            let (fresh, _) = try openChecked(path, now: now, recoverIfCorrupt: false)
            let recovered = DiarySalvage.copy(from: movedTo, into: fresh)
            // A large write: fold it into the main file at once.
            try? fresh.checkpointTruncating()
            return (fresh, DiaryRecovery(movedTo: movedTo, cause: error, recoveredRecords: recovered))
        }
    }

    private static func makeParentDirectory(of path: String) throws(DiaryStoreError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        var prefix = ""
        for part in path[..<slash].split(separator: "/") {
            prefix += (path.hasPrefix("/") || !prefix.isEmpty ? "/" : "") + part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                let code = errno
                throw DiaryStoreError(action: "create directory \(prefix)", cause: String(cString: strerror(code)))
            }
        }
    }

    /// Moves every committed record from the WAL into the main file and empties the WAL
    /// (`wal_checkpoint(TRUNCATE)`), so a copy of `diary.sqlite` alone is complete.
    public func checkpoint() throws(DiaryStoreError) {
        do { try database.checkpointTruncating() } catch { throw DiaryStoreError(action: "checkpoint diary \(path)", error) }
    }

    /// Closes the file; the store is unusable afterwards. Closing twice is harmless.
    public func close() throws(DiaryStoreError) {
        do { try database.close() } catch { throw DiaryStoreError(action: "close diary \(path)", error) }
    }

    // MARK: Writing (each returns after COMMIT)

    /// Records a drink, dose or cramp; returns its entry id (the insertion order `undoLast` uses).
    @discardableResult
    public func insert(_ entry: DiaryEntry) throws(DiaryStoreError) -> Int64 {
        let row = DiaryEntryRow(entry)
        return try write("record \(row.kind) in diary \(path)") { () throws(SQLiteError) in try insertRow(row) }
    }

    @discardableResult
    func insertRow(_ row: DiaryEntryRow) throws(SQLiteError) -> Int64 {
        try database.run(
            "INSERT INTO entry (kind, time_usec, amount, electrolyte, muscle, severity, at_night, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            row.parameters)
        return database.lastInsertRowID
    }

    @discardableResult public func insert(_ drink: Drink) throws(DiaryStoreError) -> Int64 { try insert(.drink(drink)) }
    @discardableResult public func insert(_ dose: Dose) throws(DiaryStoreError) -> Int64 { try insert(.dose(dose)) }
    @discardableResult public func insert(_ cramp: Cramp) throws(DiaryStoreError) -> Int64 { try insert(.cramp(cramp)) }

    /// Records what happened to a reminder occurrence, and with `intake` (for `done`: see
    /// `DiaryEntry.intake(confirming:at:)`) the drink or dose it confirms, in the same transaction:
    /// after a crash both are there or neither is. Returns the intake's entry id, if any.
    @discardableResult
    public func record(_ event: ReminderEventRecord, intake: DiaryEntry? = nil) throws(DiaryStoreError) -> Int64? {
        try write("record reminder event in diary \(path)") { () throws(SQLiteError) -> Int64? in
            try insertEvent(event)
            guard let intake else { return nil }
            return try insertRow(DiaryEntryRow(intake))
        }
    }

    func insertEvent(_ event: ReminderEventRecord) throws(SQLiteError) {
        try database.run(
            "INSERT INTO reminder_event (reminder, event, planned_usec, actual_usec) VALUES (?, ?, ?, ?)",
            [.text(event.reminderID), .text(event.event.rawValue), SQLiteValue(event.planned?.microseconds), .integer(event.actual.microseconds)])
    }

    /// Removes the most recently inserted drink, dose or cramp (whatever its time) and returns it;
    /// `nil` when the diary has none. Reminder events are history and are never undone.
    public func undoLast() throws(DiaryStoreError) -> DiaryEntry? {
        try write("undo the last entry in diary \(path)") { () throws(SQLiteError) -> DiaryEntry? in
            let last = try database.query("SELECT \(DiaryEntryRow.columns) FROM entry ORDER BY id DESC LIMIT 1") {
                (s: Statement) throws(SQLiteError) in (s.int64(at: 0), try DiaryEntryRow.entry(from: s))
            }.first
            guard let (id, entry) = last else { return nil }
            try database.run("DELETE FROM entry WHERE id = ?", [.integer(id)])
            return entry
        }
    }

    /// Notes that a cramp insight was written to the journal, for "at most once a week".
    public func recordInsightNotice(_ notice: CrampInsightNotice, at time: Instant) throws(DiaryStoreError) {
        try write("record cramp notice in diary \(path)") { () throws(SQLiteError) in
            try database.run("INSERT INTO insight_notice (time_usec, message) VALUES (?, ?)", [.integer(time.microseconds), .text(notice.message)])
        }
    }

    // MARK: Reading

    /// Every record whose time (a reminder event's actual time) lies in `interval`, in time order.
    public func records(in interval: Range<Instant>) throws(DiaryStoreError) -> DiaryRecords {
        try records(from: interval.lowerBound.microseconds, upTo: interval.upperBound.microseconds)
    }

    /// Every record at or after `since` (everything when `nil`), in time order: for export.
    public func records(since: Instant?) throws(DiaryStoreError) -> DiaryRecords {
        try records(from: since?.microseconds ?? Int64.min, upTo: Int64.max)
    }

    private func records(from start: Int64, upTo end: Int64) throws(DiaryStoreError) -> DiaryRecords {
        try read("read diary \(path)") { () throws(SQLiteError) in
            var records = DiaryRecords()
            let entries = try database.query(
                "SELECT \(DiaryEntryRow.columns) FROM entry WHERE time_usec >= ? AND time_usec < ? ORDER BY time_usec, id",
                [.integer(start), .integer(end)]) { (s: Statement) throws(SQLiteError) in try DiaryEntryRow.entry(from: s) }
            for entry in entries {
                switch entry {
                case .drink(let d): records.drinks.append(d)
                case .dose(let d): records.doses.append(d)
                case .cramp(let c): records.cramps.append(c)
                }
            }
            records.reminderEvents = try database.query(
                "SELECT reminder, event, planned_usec, actual_usec FROM reminder_event WHERE actual_usec >= ? AND actual_usec < ? ORDER BY actual_usec, id",
                [.integer(start), .integer(end)]) { (s: Statement) throws(SQLiteError) in
                    let name = s.string(at: 1) ?? ""
                    guard let kind = ReminderEventRecord.Kind(rawValue: name) else {
                        throw DiaryEntryRow.unreadable("reminder event \"\(name)\"")
                    }
                    return ReminderEventRecord(reminderID: s.string(at: 0) ?? "", event: kind,
                                               planned: s.isNull(at: 2) ? nil : Instant(microseconds: s.int64(at: 2)),
                                               actual: Instant(microseconds: s.int64(at: 3)))
                }
            return records
        }
    }

    /// The latest drink at or before `now`, on any day: for `anchor = "last-done"` and `skip_if_logged_within`.
    public func lastDrinkTime(atOrBefore now: Instant) throws(DiaryStoreError) -> Instant? {
        try read("read diary \(path)") { () throws(SQLiteError) in
            try database.query("SELECT max(time_usec) FROM entry WHERE kind = 'drink' AND time_usec <= ?", [.integer(now.microseconds)]) {
                (s: Statement) throws(SQLiteError) in s.isNull(at: 0) ? nil : Instant(microseconds: s.int64(at: 0))
            }.first ?? nil
        }
    }

    /// The latest dose of each electrolyte at or before `now`, on any day (`<electrolyte>_min_gap`).
    public func lastDoseTimes(atOrBefore now: Instant) throws(DiaryStoreError) -> [Electrolyte: Instant] {
        let rows = try read("read diary \(path)") { () throws(SQLiteError) in
            try database.query("SELECT electrolyte, max(time_usec) FROM entry WHERE kind = 'dose' AND time_usec <= ? GROUP BY electrolyte",
                               [.integer(now.microseconds)]) { (s: Statement) throws(SQLiteError) in
                (s.string(at: 0) ?? "", Instant(microseconds: s.int64(at: 1)))
            }
        }
        var doses: [Electrolyte: Instant] = [:]
        for (name, at) in rows { if let electrolyte = Electrolyte(rawValue: name) { doses[electrolyte] = at } }
        return doses
    }

    /// When the last cramp notice was written, or `nil` if never.
    public func lastInsightNoticeTime() throws(DiaryStoreError) -> Instant? {
        try read("read diary \(path)") { () throws(SQLiteError) in
            try database.query("SELECT max(time_usec) FROM insight_notice") { (s: Statement) throws(SQLiteError) in
                s.isNull(at: 0) ? nil : Instant(microseconds: s.int64(at: 0))
            }.first ?? nil
        }
    }

    // MARK: Transactions

    /// Runs `body` in one `BEGIN IMMEDIATE … COMMIT`; returns after the commit is on disk.
    @discardableResult
    func write<T>(_ action: String, _ body: () throws(SQLiteError) -> T) throws(DiaryStoreError) -> T {
        do {
            return try database.transaction {
                let result = try body()
                beforeCommitForTesting?()
                return result
            }
        } catch let error as SQLiteError {
            throw DiaryStoreError(action: action, error)
        } catch {
            preconditionFailure("BUG: diary transaction threw \(error)")
        }
    }

    /// Reads run outside an explicit transaction: each statement sees one consistent snapshot,
    /// and `records` runs two, which is fine with a single writer on the same queue.
    func read<T>(_ action: String, _ body: () throws(SQLiteError) -> T) throws(DiaryStoreError) -> T {
        do { return try body() } catch { throw DiaryStoreError(action: action, error) }
    }
}
