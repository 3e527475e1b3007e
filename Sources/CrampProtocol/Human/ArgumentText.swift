import CrampCore

/// Parsing of the human arguments of `crampd ctl` (durations, times) into protocol values.
/// Errors read "expected X, got Y".
public enum ArgumentText {
    /// A duration in `DurationSyntax`, above zero: "90s", "10min", "1h 30min", "2d".
    /// A bare number is refused: minutes or seconds would be a guess.
    public static func duration(_ text: String) throws(ArgumentError) -> TimeSpan {
        switch DurationSyntax.read(text) {
        case .success(let span) where span > .zero: return span
        case .failure(.tooLong): throw ArgumentError("expected a duration \(DurationSyntax.boundText), got \"\(text)\"")
        case .success, .failure(.malformed):
            throw ArgumentError("expected a duration like \"10m\", \"90s\" or \"1h30m\", got \"\(text)\"")
        }
    }

    /// A moment in `LocalTimeText`'s grammar, in `zone`: "18:00" (the next one), "tomorrow 08:00",
    /// "mon 08:00", "2026-11-26 08:00" or "2026-11-26T08:00", seconds optional.
    public static func time(_ text: String, now: Instant, zone: Zone) throws(ArgumentError) -> Instant {
        switch LocalTimeText.moment(text, now: now, zone: zone) {
        case .success(let moment) where Instant.accepted.contains(moment.instant): return moment.instant
        case .failure(.past): throw ArgumentError("expected a time in the future, got \"\(text)\"")
        case .success, .failure(.malformed): throw ArgumentError("expected a time \(LocalTimeText.example), got \"\(text)\"")
        }
    }
}

/// A command-line argument that does not parse; the message says what was expected.
public struct ArgumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
