/// The complete offset history of a zone: a transition table and, past its end, a POSIX rule.
///
/// Immutable after construction, so one instance is shared by every copy of a `Zone`.
public final class ZoneRules: Sendable {
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
