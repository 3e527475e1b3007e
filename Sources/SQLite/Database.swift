import CSQLite

/// One connection to an SQLite database file, owned by one caller at a time.
///
/// The daemon opens the diary once and keeps it; it is the only writer. Statements keep
/// their connection alive, and `close()` refuses while any statement is still open, so
/// closing is deterministic rather than left to whenever the last reference goes away.
public final class Database {
    /// How to open the file.
    public enum Mode: Sendable {
        /// Fail when the file does not exist; never write.
        case readOnly
        /// Fail when the file does not exist.
        case readWrite
        /// Create the file when it does not exist.
        case readWriteCreate

        var flags: Int32 {
            switch self {
            case .readOnly: SQLITE_OPEN_READONLY
            case .readWrite: SQLITE_OPEN_READWRITE
            case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
            }
        }
    }

    /// The file this connection opened (":memory:" for an in-memory database).
    public let path: String
    private(set) var handle: OpaquePointer?

    /// Opens (and with `.readWriteCreate`, creates) the database at `path`.
    ///
    /// SQLite reads the file lazily: a file that is not a database opens fine and fails on
    /// first use with `isCorrupt`; call `quickCheck()` after opening to find out early.
    ///
    /// The corresponding C function is `sqlite3_open_v2`.
    public init(path: String, mode: Mode = .readWriteCreate) throws(SQLiteError) {
        self.path = path
        var handle: OpaquePointer?
        let result = sqlite3_open_v2(path, &handle, mode.flags | SQLITE_OPEN_EXRESCODE, nil)
        guard result == SQLITE_OK, let handle else {
            let error = lastError(handle, action: "open database \(path)", function: "sqlite3_open_v2", code: result)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
    }

    deinit {
        // Statements hold a reference to their database, so none is left to finalize here.
        if let handle { sqlite3_close_v2(handle) }
    }

    /// Closes the connection; fails with `SQLITE_BUSY` while a statement is still open.
    /// Closing twice is harmless.
    ///
    /// The corresponding C function is `sqlite3_close`.
    public func close() throws(SQLiteError) {
        guard let handle else { return }
        let result = sqlite3_close(handle)
        guard result == SQLITE_OK else {
            throw lastError(handle, action: "close database \(path)", function: "sqlite3_close", code: result)
        }
        self.handle = nil
    }

    /// The open handle, or an error when the connection was closed. `action` is built only
    /// on failure: statements run by the thousand and the text costs more than the call.
    func openHandle(for action: @autoclosure () -> String) throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(action: action(), function: "sqlite3", code: SQLITE_MISUSE, message: "database \(path) is closed")
        }
        return handle
    }

    /// Runs one or more SQL statements separated by semicolons, discarding any rows.
    ///
    /// For statements without parameters: schema, pragmas, `BEGIN`/`COMMIT`.
    ///
    /// The corresponding C function is `sqlite3_exec`.
    public func execute(_ sql: String) throws(SQLiteError) {
        func action() -> String { "execute \"\(excerpt(sql))\"" }
        let handle = try openHandle(for: action())
        let result = sqlite3_exec(handle, sql, nil, nil, nil)
        guard result == SQLITE_OK else {
            throw lastError(handle, action: action(), function: "sqlite3_exec", code: result)
        }
    }

    /// Compiles one SQL statement for binding and stepping.
    ///
    /// The corresponding C function is `sqlite3_prepare_v2`.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs one statement with `parameters` bound in order and returns how many rows it changed.
    @discardableResult
    public func run(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteError) -> Int {
        let statement = try prepare(sql)
        defer { statement.close() }
        try statement.bind(parameters)
        while try statement.step() {}
        return changes
    }

    /// Runs a query with `parameters` bound and turns each row into a value with `row`.
    public func query<T>(
        _ sql: String, _ parameters: [SQLiteValue] = [], row: (Statement) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> [T] {
        let statement = try prepare(sql)
        defer { statement.close() }
        try statement.bind(parameters)
        var rows = [T]()
        while try statement.step() {
            rows.append(try row(statement))
        }
        return rows
    }

    /// The rowid of the last successful `INSERT` on this connection.
    ///
    /// The corresponding C function is `sqlite3_last_insert_rowid`.
    public var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// Rows changed by the last `INSERT`, `UPDATE` or `DELETE`.
    ///
    /// The corresponding C function is `sqlite3_changes`.
    public var changes: Int {
        handle.map { Int(sqlite3_changes($0)) } ?? 0
    }

    /// True inside `BEGIN` … `COMMIT`.
    ///
    /// The corresponding C function is `sqlite3_get_autocommit`.
    public var isInTransaction: Bool {
        handle.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }

    /// How long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    ///
    /// The corresponding C function is `sqlite3_busy_timeout`.
    public func setBusyTimeout(milliseconds: Int32) throws(SQLiteError) {
        let action = "set busy timeout on \(path)"
        let handle = try openHandle(for: action)
        let result = sqlite3_busy_timeout(handle, milliseconds)
        guard result == SQLITE_OK else {
            throw lastError(handle, action: action, function: "sqlite3_busy_timeout", code: result)
        }
    }
}
