/// One SQLite value, for binding parameters and reading columns without knowing their type.
///
/// Literals work directly: `[250, "after run", nil]` binds an integer, a text and a NULL.
public enum SQLiteValue: Sendable, Equatable, Hashable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null
}

extension SQLiteValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByNilLiteral, ExpressibleByBooleanLiteral
{
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(nilLiteral: ()) { self = .null }
    /// Booleans are stored as 0 and 1, as SQLite does.
    public init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }
}

extension SQLiteValue {
    /// An integer, or NULL for nil.
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    /// An integer, or NULL for nil.
    public init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }
    /// A real, or NULL for nil.
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
    /// A text, or NULL for nil.
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    /// A blob, or NULL for nil.
    public init(_ value: [UInt8]?) { self = value.map { .blob($0) } ?? .null }
    /// 0 or 1, or NULL for nil.
    public init(_ value: Bool?) { self = value.map { .integer($0 ? 1 : 0) } ?? .null }
}
