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

    /// The error at byte `offset` of `bytes`.
    public static func at(_ offset: Int, in bytes: [UInt8], _ message: String) -> ImportFileError {
        let (line, column) = LineIndex(bytes).place(of: offset)
        return ImportFileError(line: line, column: column, message: message)
    }
}

/// Where each line of a file starts, so that the place of many offsets costs a binary search
/// each, not a scan from the top (150000 records of one file: seconds, not minutes).
public struct LineIndex: Sendable {
    let starts: [Int]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.starts = starts
    }

    /// The 1-based line and column (in bytes) of `offset`.
    public func place(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = starts.count - 1  // the last start <= offset
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, max(0, offset - starts[low]) + 1)
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
