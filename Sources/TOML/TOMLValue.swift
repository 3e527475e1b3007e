/// A parsed TOML value with the byte offset where it starts in its document.
///
/// Offsets, not line/column pairs, are kept: line and column are computed only
/// when an error is printed (see `SourceText`).
public struct TOMLNode: Equatable, Sendable {
    public var value: TOMLValue
    /// Byte offset of the value's first byte in the source document.
    public var offset: Int

    public init(_ value: TOMLValue, offset: Int = 0) {
        self.value = value
        self.offset = offset
    }

    /// Equality of values only; source offsets are ignored.
    public static func == (lhs: TOMLNode, rhs: TOMLNode) -> Bool {
        lhs.value == rhs.value
    }
}

/// The eight TOML value kinds plus arrays and tables.
///
/// Only the date/time cases are `indirect` (boxed): they are rare and up to
/// 64 bytes, and boxing them keeps every value 16 bytes wide, so that
/// nodes, entries and arrays are small and cheap to move.
public enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    indirect case offsetDateTime(TOMLOffsetDateTime)
    indirect case localDateTime(TOMLLocalDateTime)
    indirect case localDate(TOMLLocalDate)
    indirect case localTime(TOMLLocalTime)
    case array([TOMLNode])
    case table(TOMLTable)

    /// Floats compare by bit pattern for NaN so that round trips can be checked.
    public static func == (lhs: TOMLValue, rhs: TOMLValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.float(a), .float(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.bool(a), .bool(b)): return a == b
        case let (.offsetDateTime(a), .offsetDateTime(b)): return a == b
        case let (.localDateTime(a), .localDateTime(b)): return a == b
        case let (.localDate(a), .localDate(b)): return a == b
        case let (.localTime(a), .localTime(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.table(a), .table(b)): return a == b
        default: return false
        }
    }

    /// The name used in messages: "string", "integer", "table", …
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .bool: "boolean"
        case .offsetDateTime: "offset date-time"
        case .localDateTime: "local date-time"
        case .localDate: "local date"
        case .localTime: "local time"
        case .array: "array"
        case .table: "table"
        }
    }
}

/// One key of a table with where it was written.
public struct TOMLEntry: Equatable, Sendable {
    public var key: String
    /// Byte offset of the key's first byte (for dotted keys: of the last part).
    public var keyOffset: Int
    public var node: TOMLNode

    public init(key: String, keyOffset: Int = 0, node: TOMLNode) {
        self.key = key
        self.keyOffset = keyOffset
        self.node = node
    }

    public static func == (lhs: TOMLEntry, rhs: TOMLEntry) -> Bool {
        lhs.key == rhs.key && lhs.node == rhs.node
    }
}

/// A calendar date, `1979-05-27`.
public struct TOMLLocalDate: Equatable, Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
}

/// A wall-clock time, `07:32:00.999999`, with the fraction kept to the nanosecond.
public struct TOMLLocalTime: Equatable, Hashable, Sendable {
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var nanosecond: Int
    public init(hour: Int, minute: Int, second: Int = 0, nanosecond: Int = 0) {
        self.hour = hour; self.minute = minute; self.second = second; self.nanosecond = nanosecond
    }
}

/// A date and time without an offset.
public struct TOMLLocalDateTime: Equatable, Hashable, Sendable {
    public var date: TOMLLocalDate
    public var time: TOMLLocalTime
    public init(date: TOMLLocalDate, time: TOMLLocalTime) { self.date = date; self.time = time }
}

/// A date and time with an offset from UTC in minutes (`Z` is 0).
public struct TOMLOffsetDateTime: Equatable, Hashable, Sendable {
    public var dateTime: TOMLLocalDateTime
    public var offsetMinutes: Int
    public init(dateTime: TOMLLocalDateTime, offsetMinutes: Int) {
        self.dateTime = dateTime; self.offsetMinutes = offsetMinutes
    }
}
