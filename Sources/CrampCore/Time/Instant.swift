/// A point in time: microseconds since the Unix epoch, UTC.
///
/// Microseconds match systemd's `usec_t`, so `CRAMPD_DUE_USEC` and
/// `systemd-analyze calendar` agree with us to the digit.
///
/// Arithmetic saturates at the ends of `Int64` instead of trapping (like systemd's
/// `usec_add`): no input can crash the daemon through a sum. What crampd accepts from
/// outside is narrower, `Instant.accepted`, checked where each instant is decoded.
public struct Instant: Comparable, Hashable, Sendable, Codable {
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }
    public init(seconds: Int64) { self.microseconds = seconds.saturatingMultiplied(by: 1_000_000) }

    public var seconds: Int64 { microseconds.floorDivided(by: 1_000_000) }

    /// The one bound for instants from outside (protocol, state file, ctl arguments):
    /// 1970-01-01T00:00:00Z through 9999-12-31T23:59:59.999999Z. Four-digit years are what
    /// ISO 8601 and `date` print; nothing crampd schedules lies outside them, and at these
    /// ends zone and calendar arithmetic (offsets of a day, steps of a `TimeSpan.maximum`)
    /// stays far from overflow.
    public static let accepted = Instant(microseconds: 0)...Instant(microseconds: 253_402_300_799_999_999)

    public static func < (a: Instant, b: Instant) -> Bool { a.microseconds < b.microseconds }

    public static func + (a: Instant, d: TimeSpan) -> Instant { Instant(microseconds: a.microseconds.saturatingAdding(d.microseconds)) }
    public static func - (a: Instant, d: TimeSpan) -> Instant { Instant(microseconds: a.microseconds.saturatingSubtracting(d.microseconds)) }
    public static func - (a: Instant, b: Instant) -> TimeSpan { TimeSpan(microseconds: a.microseconds.saturatingSubtracting(b.microseconds)) }

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
/// Arithmetic saturates like `Instant`'s.
public struct TimeSpan: Comparable, Hashable, Sendable, Codable {
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }
    public static func seconds(_ s: Int64) -> TimeSpan { TimeSpan(microseconds: s.saturatingMultiplied(by: 1_000_000)) }
    public static func minutes(_ m: Int64) -> TimeSpan { .seconds(m.saturatingMultiplied(by: 60)) }
    public static func hours(_ h: Int64) -> TimeSpan { .seconds(h.saturatingMultiplied(by: 3600)) }
    public static func days(_ d: Int64) -> TimeSpan { .seconds(d.saturatingMultiplied(by: 86_400)) }
    public static let zero = TimeSpan(microseconds: 0)

    /// The one bound for durations, wherever they come from (config, ctl arguments, protocol):
    /// 366 days, a year with its leap day. Longer than any interval, snooze or pause a daily
    /// reminder needs, so anything above it is a typo; and small enough that the latest
    /// accepted instant plus it stays far inside `Int64`.
    public static let maximum = TimeSpan.days(366)

    public static func < (a: TimeSpan, b: TimeSpan) -> Bool { a.microseconds < b.microseconds }
    public static func + (a: TimeSpan, b: TimeSpan) -> TimeSpan { TimeSpan(microseconds: a.microseconds.saturatingAdding(b.microseconds)) }
    public static func * (a: TimeSpan, n: Int64) -> TimeSpan { TimeSpan(microseconds: a.microseconds.saturatingMultiplied(by: n)) }

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

    /// `self + other`, clamped to `Int64.min...Int64.max` instead of trapping.
    public func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
    /// `self - other`, clamped instead of trapping.
    public func saturatingSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other < 0 ? .max : .min) : difference
    }
    /// `self * other`, clamped instead of trapping.
    public func saturatingMultiplied(by other: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
    }
}
