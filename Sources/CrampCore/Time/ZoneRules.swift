/// The complete offset history of a zone: a transition table and, past its end, a POSIX rule.
///
/// Immutable after construction, so one instance is shared by every copy of a `Zone`.
public final class ZoneRules: Sendable, Equatable {
    /// Transition instants in seconds since the epoch, ascending.
    public let transitions: [Int64]
    /// For each transition, the index into `types` in effect from that instant on.
    public let transitionTypes: [Int]
    public let types: [LocalTimeType]
    /// Applies after the last transition (the TZif v2+ footer), when present.
    public let footer: POSIXTimeZoneRule?

    public init(transitions: [Int64], transitionTypes: [Int], types: [LocalTimeType], footer: POSIXTimeZoneRule?) {
        precondition(transitions.count == transitionTypes.count, "BUG: one type per transition")
        precondition(!types.isEmpty || footer != nil, "BUG: a zone needs a local time type")
        self.transitions = transitions
        self.transitionTypes = transitionTypes
        self.types = types
        self.footer = footer
    }

    /// Equal when every transition, type and the footer are: the rules, not where they came from.
    public static func == (a: ZoneRules, b: ZoneRules) -> Bool {
        a.transitions == b.transitions && a.transitionTypes == b.transitionTypes && a.types == b.types && a.footer == b.footer
    }

    /// A zone that is always `type`.
    public convenience init(fixed type: LocalTimeType) {
        self.init(transitions: [], transitionTypes: [], types: [type], footer: nil)
    }

    /// The local time type in effect at `seconds` since the epoch.
    public func type(atSeconds seconds: Int64) -> LocalTimeType {
        // Index of the last transition <= seconds.
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= seconds { lo = mid + 1 } else { hi = mid }
        }
        if lo == 0 {
            // Before the table (RFC 8536: time type 0), or no table at all.
            if transitions.isEmpty, let footer { return footer.type(atSeconds: seconds) }
            return types[0]
        }
        if lo == transitions.count, let footer { return footer.type(atSeconds: seconds) }
        return types[transitionTypes[lo - 1]]
    }
}

/// A stretch of time with one local time type: `[start, end)` in seconds since the epoch.
public struct ZoneSpan: Sendable, Equatable {
    public var offsetSeconds: Int
    public var isDaylightSaving: Bool
    /// `Int64.min` when unbounded.
    public var start: Int64
    /// `Int64.max` when unbounded.
    public var end: Int64

    public func contains(_ seconds: Int64) -> Bool { seconds >= start && seconds < end }
}

extension ZoneRules {
    /// The span of constant offset around `seconds`, so callers can convert many nearby
    /// times with one lookup.
    public func span(atSeconds seconds: Int64) -> ZoneSpan {
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= seconds { lo = mid + 1 } else { hi = mid }
        }
        if transitions.isEmpty, let footer {
            return footer.span(atSeconds: seconds, notBefore: Int64.min)
        }
        if lo == 0 {
            let t = types[0]
            return ZoneSpan(offsetSeconds: t.utcOffsetSeconds, isDaylightSaving: t.isDaylightSaving,
                            start: Int64.min, end: transitions.first ?? Int64.max)
        }
        if lo == transitions.count, let footer {
            return footer.span(atSeconds: seconds, notBefore: transitions[lo - 1])
        }
        let t = types[transitionTypes[lo - 1]]
        return ZoneSpan(offsetSeconds: t.utcOffsetSeconds, isDaylightSaving: t.isDaylightSaving,
                        start: transitions[lo - 1], end: lo < transitions.count ? transitions[lo] : Int64.max)
    }
}

extension POSIXTimeZoneRule {
    /// The span around `seconds` under this rule, starting no earlier than `notBefore`.
    func span(atSeconds seconds: Int64, notBefore: Int64) -> ZoneSpan {
        guard let daylight else {
            return ZoneSpan(offsetSeconds: standard.utcOffsetSeconds, isDaylightSaving: standard.isDaylightSaving, start: notBefore, end: Int64.max)
        }
        let year = LocalDateTime(microsecondsSinceEpochAsUTC: (seconds + Int64(standard.utcOffsetSeconds)) * 1_000_000).date.year
        var changes: [Int64] = []
        for y in (year - 1)...(year + 1) {
            let (s, e) = transitionInstants(in: y, daylight)
            changes.append(s); changes.append(e)
        }
        changes.sort()
        let type = self.type(atSeconds: seconds)
        var start = notBefore, end = Int64.max
        for c in changes {
            if c <= seconds { start = max(start, c) } else { end = min(end, c) }
        }
        return ZoneSpan(offsetSeconds: type.utcOffsetSeconds, isDaylightSaving: type.isDaylightSaving, start: start, end: end)
    }
}
