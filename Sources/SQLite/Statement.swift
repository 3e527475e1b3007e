import CSQLite

/// SQLite copies bound text and blobs immediately (`SQLITE_TRANSIENT`), so Swift buffers may go away.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A compiled SQL statement: bind parameters (1-based), step through rows, read columns (0-based).
///
/// Finalized by `close()` or when the last reference goes away, whichever comes first.
public final class Statement {
    /// The connection this statement belongs to; kept alive as long as the statement is.
    public let database: Database
    /// The SQL text it was compiled from.
    public let sql: String
    private var handle: OpaquePointer?

    init(database: Database, sql: String) throws(SQLiteError) {
        self.database = database
        self.sql = sql
        // Error texts are built only on failure (`excerpt` splits the SQL; it used to run on every call).
        func action() -> String { "prepare \"\(excerpt(sql))\"" }
        let connection = try database.openHandle(for: action())
        var handle: OpaquePointer?
        let result = sqlite3_prepare_v2(connection, sql, -1, &handle, nil)
        guard result == SQLITE_OK else {
            sqlite3_finalize(handle)
            throw lastError(connection, action: action(), function: "sqlite3_prepare_v2", code: result)
        }
        guard let handle else {
            throw SQLiteError(action: action(), function: "sqlite3_prepare_v2", code: SQLITE_MISUSE, message: "no SQL statement in the text")
        }
        self.handle = handle
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Finalizes the statement now; closing twice is harmless.
    ///
    /// The corresponding C function is `sqlite3_finalize`.
    public func close() {
        sqlite3_finalize(handle)
        handle = nil
    }

    private func openHandle(for action: @autoclosure () -> String) throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(action: action(), function: "sqlite3", code: SQLITE_MISUSE, message: "statement \"\(excerpt(sql))\" is closed")
        }
        return handle
    }

    private func check(_ result: Int32, _ action: @autoclosure () -> String, _ function: String) throws(SQLiteError) {
        guard result == SQLITE_OK else {
            throw lastError(handle.flatMap { sqlite3_db_handle($0) }, action: action(), function: function, code: result)
        }
    }

    // MARK: Binding (parameters are numbered from 1)

    /// Binds `values` to parameters 1, 2, … after clearing earlier bindings.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        let handle = try openHandle(for: "bind parameters of \"\(excerpt(sql))\"")
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw SQLiteError(
                action: "bind parameters of \"\(excerpt(sql))\"", function: "sqlite3_bind_parameter_count",
                code: SQLITE_RANGE, message: "\(values.count) values for \(expected) parameters")
        }
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to parameter `index` (1-based).
    public func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        switch value {
        case .integer(let integer): try bind(integer, at: index)
        case .real(let real): try bind(real, at: index)
        case .text(let text): try bind(text, at: index)
        case .blob(let bytes): try bind(bytes, at: index)
        case .null: try bindNull(at: index)
        }
    }

    /// The corresponding C function is `sqlite3_bind_int64`.
    public func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        let handle = try openHandle(for: "bind parameter \(index)")
        try check(sqlite3_bind_int64(handle, index, value), "bind parameter \(index) of \"\(excerpt(sql))\"", "sqlite3_bind_int64")
    }

    /// Binds an `Int` as a 64-bit integer (and makes `bind(250, at: 1)` unambiguous).
    public func bind(_ value: Int, at index: Int32) throws(SQLiteError) {
        try bind(Int64(value), at: index)
    }

    /// The corresponding C function is `sqlite3_bind_double`.
    public func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
        let handle = try openHandle(for: "bind parameter \(index)")
        try check(sqlite3_bind_double(handle, index, value), "bind parameter \(index) of \"\(excerpt(sql))\"", "sqlite3_bind_double")
    }

    /// Binds UTF-8 text; an empty string stays an empty string, not NULL.
    ///
    /// The corresponding C function is `sqlite3_bind_text`.
    public func bind(_ value: String, at index: Int32) throws(SQLiteError) {
        let handle = try openHandle(for: "bind parameter \(index)")
        var text = value
        let result = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // A nil pointer would bind NULL, so an empty string points at a C "".
                guard let start = chars.baseAddress, !chars.isEmpty else {
                    return "".withCString { sqlite3_bind_text(handle, index, $0, 0, transient) }
                }
                return sqlite3_bind_text(handle, index, start, Int32(chars.count), transient)
            }
        }
        try check(result, "bind parameter \(index) of \"\(excerpt(sql))\"", "sqlite3_bind_text")
    }

    /// Binds a blob; an empty array stays an empty blob, not NULL.
    ///
    /// The corresponding C function is `sqlite3_bind_blob` (`sqlite3_bind_zeroblob` when empty).
    public func bind(_ value: [UInt8], at index: Int32) throws(SQLiteError) {
        let handle = try openHandle(for: "bind parameter \(index)")
        let result = value.withUnsafeBytes { bytes in
            bytes.isEmpty
                ? sqlite3_bind_zeroblob(handle, index, 0)
                : sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), transient)
        }
        try check(result, "bind parameter \(index) of \"\(excerpt(sql))\"", "sqlite3_bind_blob")
    }

    /// The corresponding C function is `sqlite3_bind_null`.
    public func bindNull(at index: Int32) throws(SQLiteError) {
        let handle = try openHandle(for: "bind parameter \(index)")
        try check(sqlite3_bind_null(handle, index), "bind parameter \(index) of \"\(excerpt(sql))\"", "sqlite3_bind_null")
    }

    /// The index of a named parameter (`:ml`, `@ml`, `$ml`, including the prefix), or nil.
    ///
    /// The corresponding C function is `sqlite3_bind_parameter_index`.
    public func parameterIndex(_ name: String) -> Int32? {
        guard let handle else { return nil }
        let index = sqlite3_bind_parameter_index(handle, name)
        return index > 0 ? index : nil
    }

    // MARK: Stepping

    /// Runs the statement to its next row: true when a row is ready to read, false when done.
    ///
    /// The corresponding C function is `sqlite3_step`.
    public func step() throws(SQLiteError) -> Bool {
        let handle = try openHandle(for: "run \"\(excerpt(sql))\"")
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = lastError(sqlite3_db_handle(handle), action: "run \"\(excerpt(sql))\"", function: "sqlite3_step", code: result)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Rewinds the statement so it can run again; bindings stay.
    ///
    /// The corresponding C function is `sqlite3_reset`.
    public func reset() {
        if let handle { sqlite3_reset(handle) }
    }

    // MARK: Columns (numbered from 0, valid after `step()` returned true)

    /// The corresponding C function is `sqlite3_column_count`.
    public var columnCount: Int32 {
        handle.map { sqlite3_column_count($0) } ?? 0
    }

    /// The corresponding C function is `sqlite3_column_name`.
    public func columnName(at index: Int32) -> String {
        guard let handle, let name = sqlite3_column_name(handle, index) else { return "" }
        return String(cString: name)
    }

    /// The corresponding C function is `sqlite3_column_type`.
    public func isNull(at index: Int32) -> Bool {
        guard let handle else { return true }
        return sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// The column as an integer (0 for NULL, converted from other types as SQLite does).
    ///
    /// The corresponding C function is `sqlite3_column_int64`.
    public func int64(at index: Int32) -> Int64 {
        handle.map { sqlite3_column_int64($0, index) } ?? 0
    }

    /// The column as an `Int`.
    public func int(at index: Int32) -> Int {
        Int(int64(at: index))
    }

    /// The column as a real (0 for NULL).
    ///
    /// The corresponding C function is `sqlite3_column_double`.
    public func double(at index: Int32) -> Double {
        handle.map { sqlite3_column_double($0, index) } ?? 0
    }

    /// The column as text, or nil for NULL.
    ///
    /// The corresponding C function is `sqlite3_column_text`.
    public func string(at index: Int32) -> String? {
        guard let handle, sqlite3_column_type(handle, index) != SQLITE_NULL else { return nil }
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column as bytes, or nil for NULL.
    ///
    /// The corresponding C function is `sqlite3_column_blob`.
    public func blob(at index: Int32) -> [UInt8]? {
        guard let handle, sqlite3_column_type(handle, index) != SQLITE_NULL else { return nil }
        guard let bytes = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The column in whatever type SQLite stored it.
    public func value(at index: Int32) -> SQLiteValue {
        guard let handle else { return .null }
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(at: index))
        case SQLITE_FLOAT: return .real(double(at: index))
        case SQLITE_TEXT: return .text(string(at: index) ?? "")
        case SQLITE_BLOB: return .blob(blob(at: index) ?? [])
        default: return .null
        }
    }
}
