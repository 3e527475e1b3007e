import CSQLite

/// An SQLite call that failed: which call, SQLite's extended result code and its message.
///
/// The code lets the daemon react (a corrupt diary is moved aside, a busy one retried);
/// the description uses the fixed wording
/// "Failed to <verb> <object>: <call>: <sqlite message> (code N)".
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What we tried to do, as "<verb> <object>": "open database /home/a/diary.sqlite".
    public let action: String
    /// The C function or statement that failed: "sqlite3_step", "PRAGMA quick_check".
    public let function: String
    /// SQLite's extended result code (`SQLITE_CONSTRAINT_UNIQUE` is 2067).
    public let code: Int32
    /// SQLite's message (`sqlite3_errmsg`), or ours when we refused before calling SQLite.
    public let message: String

    public init(action: String, function: String, code: Int32, message: String) {
        self.action = action
        self.function = function
        self.code = code
        self.message = message
    }

    /// The primary result code (`SQLITE_CONSTRAINT` for every kind of constraint failure).
    public var primaryCode: Int32 { code & 0xff }

    /// True when the file is damaged or is not a database at all: move it aside and start anew.
    public var isCorrupt: Bool {
        primaryCode == SQLITE_CORRUPT || primaryCode == SQLITE_NOTADB
    }

    /// True when another connection holds the lock longer than the busy timeout.
    public var isBusy: Bool {
        primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED
    }

    /// "Failed to open database /x.sqlite: sqlite3_open_v2: unable to open database file (code 14)".
    public var description: String {
        "Failed to \(action): \(function): \(message) (code \(code))"
    }
}

/// Builds an error from a connection's last failure.
func lastError(_ handle: OpaquePointer?, action: String, function: String, code: Int32) -> SQLiteError {
    let message: String
    if let handle, let text = sqlite3_errmsg(handle) {
        message = String(cString: text)
    } else if let text = sqlite3_errstr(code) {
        message = String(cString: text)
    } else {
        message = "unknown error"
    }
    let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
    // sqlite3_errmsg can lag behind for some calls; prefer the code the call returned when they disagree.
    let reported = (extended & 0xff) == (code & 0xff) ? extended : code
    return SQLiteError(action: action, function: function, code: reported, message: message)
}

/// Shortens SQL for an error message: the first non-empty line, at most 60 characters.
func excerpt(_ sql: String) -> String {
    let firstLine = sql.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) } ?? ""
    let trimmed = firstLine.drop(while: \.isWhitespace)
    return trimmed.count > 60 ? String(trimmed.prefix(57)) + "..." : String(trimmed)
}
