// CONTRACT (to be implemented on branch `time`): the public surface others code against.

/// A parsed systemd `OnCalendar=` expression (systemd.time(7)).
public struct CalendarExpression: Sendable, Equatable {
    /// The normalized form, as `systemd-analyze calendar` prints it.
    public var normalized: String { preconditionFailure("BUG: CalendarExpression not implemented yet") }

    /// Parses an expression; the error says what is wrong in systemd's terms.
    public static func parse(_ text: String) throws(CalendarError) -> CalendarExpression {
        throw CalendarError(message: "calendar expressions are not supported yet")
    }

    /// The first elapse strictly after `instant`, in the expression's own zone
    /// when it names one, else in `zone`. `nil` when it never elapses again.
    public func nextElapse(after instant: Instant, in zone: Zone) -> Instant? {
        preconditionFailure("BUG: CalendarExpression not implemented yet")
    }
}

public struct CalendarError: Error, Sendable, Equatable {
    public var message: String
    public init(message: String) { self.message = message }
}
