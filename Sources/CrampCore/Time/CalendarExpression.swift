/// A parsed systemd `OnCalendar=` expression (systemd.time(7)), e.g. `Mon..Fri *-*-* 08:30`.
///
/// Parsing, normalization and elapse computation follow systemd 252's calendar specs,
/// including its treatment of DST gaps and repeats; `systemd-analyze calendar` is the
/// reference in the oracle test (`Tests/e2e/calendar-oracle.sh`).
public struct CalendarExpression: Sendable, Equatable {
    /// Allowed weekdays as bits, bit 0 = Monday; 0 allows all.
    public var weekdayBits: UInt8
    /// `nil` is `*`. Years are full years (two-digit years are already expanded).
    public var years: CalendarChain?
    public var months: CalendarChain?
    /// With `endOfMonth`, counted from the last day of the month (`~01` is the last day).
    public var days: CalendarChain?
    public var endOfMonth: Bool
    public var hours: CalendarChain?
    public var minutes: CalendarChain?
    /// In microseconds; `*` is every whole second.
    public var seconds: CalendarChain
    public var zone: CalendarZone

    /// The zone an expression is evaluated in.
    public enum CalendarZone: Sendable, Equatable {
        /// The zone passed to `nextElapse(after:in:)`.
        case local
        /// A trailing `UTC`.
        case utc
        /// A trailing IANA zone name.
        case named(Zone)
        /// A trailing abbreviation of the local zone (`CET`, `CEST`): the local zone with
        /// the daylight flag forced, as systemd passes `tm_isdst` to `mktime`.
        case localAbbreviation(String, isDaylightSaving: Bool)
    }

    /// The normalized form, as `systemd-analyze calendar` prints it.
    public var normalized: String { CalendarFormatter.format(self) }

    /// Parses an expression; the error says what is wrong in systemd's terms. A trailing IANA
    /// zone name is looked up in `zones`. A trailing abbreviation of the local zone (`CET`) is
    /// recognized only by `parse(_:localZone:zones:)`.
    public static func parse(_ text: String, zones: TZDatabase) throws(CalendarError) -> CalendarExpression {
        try parse(text, localZone: nil, zones: zones)
    }

    /// Parses an expression, recognizing the two abbreviations glibc's `tzname` holds for
    /// `localZone` (`CET`/`CEST` for Europe/Berlin) as a trailing zone, like systemd does.
    public static func parse(_ text: String, localZone: Zone?, zones: TZDatabase) throws(CalendarError) -> CalendarExpression {
        try CalendarParser(text: text, localNames: localZone?.glibcTimeZoneNames, zones: zones).expression()
    }

    /// Parses an expression at this point of `session`: glibc's `tzname`, and so the
    /// abbreviations recognized, follow the last local-time conversion (see `GlibcTimeZoneNames`).
    public static func parse(_ text: String, in session: CalendarSession, zones: TZDatabase) throws(CalendarError) -> CalendarExpression {
        try CalendarParser(text: text, localNames: session.timeZoneNames, zones: zones).expression()
    }

    /// The first elapse strictly after `instant`, in the expression's own zone
    /// when it names one, else in `zone`. `nil` when it never elapses again.
    public func nextElapse(after instant: Instant, in zone: Zone) -> Instant? {
        if case .elapse(let i) = nextElapseOutcome(after: instant, in: zone) { return i }
        return nil
    }

    /// Like `nextElapse(after:in:)`, telling "never again" apart from the cases where
    /// systemd 252 itself fails to compute an elapse. Each call is a fresh `CalendarSession`
    /// (like a new process), and an elapse is always later than `instant`.
    public func nextElapseOutcome(after instant: Instant, in zone: Zone) -> CalendarElapse {
        var session = CalendarSession(zone: zone)
        let outcome = session.nextElapse(of: self, after: instant)
        if case .elapse(let i) = outcome, i <= instant { return .failed("the search went backwards") }
        return outcome
    }
}

/// The result of one elapse computation.
public enum CalendarElapse: Sendable, Equatable {
    case elapse(Instant)
    /// The expression does not elapse again (before the year 2200).
    case never
    /// systemd fails here too ("Failed to determine next elapse"); the reason says why.
    case failed(String)
}

/// What is wrong with an expression: what was expected, what was found, and where.
public struct CalendarError: Error, Sendable, Equatable {
    public var message: String
    /// Byte offset into the expression, when the error is at one place.
    public var offset: Int?

    public init(message: String) { self.message = message; self.offset = nil }

    init(text: String, expected: String, got: String, offset: Int?) {
        self.offset = offset
        self.message = "invalid calendar expression \"\(text)\": expected \(expected), got \(got)"
    }
}
