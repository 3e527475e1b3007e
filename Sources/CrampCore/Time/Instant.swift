/// A point in time: microseconds since the Unix epoch, UTC.
///
/// Microseconds match systemd's `usec_t`, so `CRAMPD_DUE_USEC` and
/// `systemd-analyze calendar` agree with us to the digit.
public struct Instant: Comparable, Hashable, Sendable, Codable {
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }
    public init(seconds: Int64) { self.microseconds = seconds * 1_000_000 }

    public var seconds: Int64 { microseconds.floorDivided(by: 1_000_000) }

    public static func < (a: Instant, b: Instant) -> Bool { a.microseconds < b.microseconds }

    public static func + (a: Instant, d: TimeSpan) -> Instant { Instant(microseconds: a.microseconds + d.microseconds) }
    public static func - (a: Instant, d: TimeSpan) -> Instant { Instant(microseconds: a.microseconds - d.microseconds) }
    public static func - (a: Instant, b: Instant) -> TimeSpan { TimeSpan(microseconds: a.microseconds - b.microseconds) }

    // Codable as a plain integer of microseconds, so state files stay readable.
    public init(from decoder: any Decoder) throws {
        microseconds = try decoder.singleValueContainer().decode(Int64.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(microseconds)
    }
}

/// A span of time in microseconds (named apart from `Swift.Duration`). Config durations ("90s", "1h30m") become this.
public struct TimeSpan: Comparable, Hashable, Sendable, Codable {
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }
    public static func seconds(_ s: Int64) -> TimeSpan { TimeSpan(microseconds: s * 1_000_000) }
    public static func minutes(_ m: Int64) -> TimeSpan { .seconds(m * 60) }
    public static func hours(_ h: Int64) -> TimeSpan { .seconds(h * 3600) }
    public static let zero = TimeSpan(microseconds: 0)

    public static func < (a: TimeSpan, b: TimeSpan) -> Bool { a.microseconds < b.microseconds }
    public static func + (a: TimeSpan, b: TimeSpan) -> TimeSpan { TimeSpan(microseconds: a.microseconds + b.microseconds) }
    public static func * (a: TimeSpan, n: Int64) -> TimeSpan { TimeSpan(microseconds: a.microseconds * n) }

    public init(from decoder: any Decoder) throws {
        microseconds = try decoder.singleValueContainer().decode(Int64.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(microseconds)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity (Swift's `/` truncates toward zero).
    public func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
    public func floorModulo(_ d: Int64) -> Int64 { self - floorDivided(by: d) * d }
}
