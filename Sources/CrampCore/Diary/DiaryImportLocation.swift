/// A record of an import file with where it starts (1-based line and column, in bytes), so
/// a refusal names the place to fix.
public struct LocatedImportRecord: Sendable, Equatable {
    public var record: DiaryImportRecord
    public var line: Int
    public var column: Int

    public init(record: DiaryImportRecord, line: Int, column: Int) { self.record = record; self.line = line; self.column = column }
}

/// Why an import file was refused, at a place in it: "expected …, got …".
public struct ImportFileError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) { self.line = line; self.column = column; self.message = message }

    /// "diary.csv:4:17: expected …, got …; nothing was imported: fix that line and run the import again"
    public func rendered(path: String) -> String {
        "\(path):\(line):\(column): \(message); nothing was imported: fix that line (or remove it) and run the import again"
    }

    /// The 1-based line and column of byte `offset` in `bytes`.
    public static func at(_ offset: Int, in bytes: [UInt8], _ message: String) -> ImportFileError {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
        return ImportFileError(line: line, column: max(0, offset - lineStart) + 1, message: message)
    }
}

extension Array where Element == LocatedImportRecord {
    /// Every record checked as the daemon will check it (`DiaryImportRecord.validated`), the first
    /// refusal located.
    public func validated(now: Instant) throws(ImportFileError) {
        for located in self {
            do { _ = try located.record.validated(now: now) } catch {
                throw ImportFileError(line: located.line, column: located.column, message: error.message)
            }
        }
    }
}
