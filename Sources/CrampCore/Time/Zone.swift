// CONTRACT (to be implemented on branch `time`): the public surface others code against.

/// A time zone as a value: UTC, a fixed offset, or an IANA zone from tzdata.
public struct Zone: Sendable, Equatable {
    /// "UTC", "Europe/Berlin", …
    public var name: String

    public static let utc = Zone(name: "UTC")

    /// Loads an IANA zone from the system tzdata.
    public static func named(_ name: String) throws(ZoneError) -> Zone {
        throw ZoneError(message: "unknown time zone \"\(name)\"")
    }

    /// Offset from UTC in seconds at `instant`.
    public func offsetSeconds(at instant: Instant) -> Int { 0 }

    /// The wall-clock time at `instant`.
    public func localDateTime(at instant: Instant) -> LocalDateTime {
        LocalDateTime(microsecondsSinceEpochAsUTC: instant.microseconds + Int64(offsetSeconds(at: instant)) * 1_000_000)
    }

    /// The instants a wall-clock time maps to.
    public func resolve(_ local: LocalDateTime) -> LocalResolution {
        .unique(Instant(microseconds: local.microsecondsSinceEpochAsUTC))
    }
}

/// How a local time maps to instants.
public enum LocalResolution: Sendable, Equatable {
    /// The ordinary case.
    case unique(Instant)
    /// Spring forward: the wall clock skips this time. `transition` is the instant of the jump.
    case gap(transition: Instant)
    /// Fall back: the wall clock shows this time twice, `earlier` then `later`.
    case repeated(earlier: Instant, later: Instant)
}

public struct ZoneError: Error, Sendable, Equatable {
    public var message: String
    public init(message: String) { self.message = message }
}
