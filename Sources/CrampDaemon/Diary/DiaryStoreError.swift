import SQLite

/// A diary operation that failed; the daemon reports it and keeps running.
/// Worded "Failed to <verb> <object>: <cause>".
public struct DiaryStoreError: Error, Sendable, CustomStringConvertible {
    /// "record drink in /home/a/.local/state/crampd/diary.sqlite"
    public var action: String
    public var cause: String
    /// The SQLite failure underneath, when there was one.
    public var sqlite: SQLiteError?

    public init(action: String, cause: String, sqlite: SQLiteError? = nil) {
        self.action = action; self.cause = cause; self.sqlite = sqlite
    }

    init(action: String, _ error: SQLiteError) {
        self.init(action: action, cause: "\(error.function): \(error.message) (code \(error.code))", sqlite: error)
    }

    /// The file is damaged: reopening the store moves it aside and starts a new one.
    public var isCorrupt: Bool { sqlite?.isCorrupt ?? false }
    /// Another program held the file locked longer than we would wait.
    public var isBusy: Bool { sqlite?.isBusy ?? false }

    public var description: String { "Failed to \(action): \(cause)" }
}
