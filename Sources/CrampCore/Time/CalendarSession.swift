/// A run of calendar computations that share glibc's `mktime` state, like one
/// `systemd-analyze calendar` process does.
///
/// glibc's `mktime` starts each conversion from the offset the previous call found, and
/// systemd's results next to DST changes depend on it (which reading of a repeated time is
/// found, where a time in a gap lands). A session keeps that state across the base-time
/// conversion and the elapses of one run. Expressions with their own zone are computed
/// the way systemd does in a forked child: from the session's state, without changing it.
public struct CalendarSession: Sendable {
    public let zone: Zone
    var clock: GlibcClock

    /// A fresh session, as at the start of a process (glibc's guess is UTC).
    public init(zone: Zone) {
        self.zone = zone
        self.clock = GlibcClock(zone: zone)
    }

    /// glibc's `tzname` now: the abbreviations a trailing zone of an expression may use.
    public var timeZoneNames: (standard: String, daylight: String) {
        zone.glibcTimeZoneNames(afterLocaltimeAt: clock.lastLocaltime)
    }

    /// The instant of a wall-clock time read the way systemd reads `--base-time`
    /// (`mktime` with `tm_isdst` = -1): a time in a gap or a repeated time comes out as
    /// glibc decides from the session's state. `nil` where glibc fails.
    public mutating func instant(of local: LocalDateTime) -> Instant? {
        var tm = BrokenDownTime(year: local.date.year, month: local.date.month, day: local.date.day,
                                hour: local.time.hour, minute: local.time.minute, second: local.time.second, isDST: -1)
        guard let t = clock.mktime(&tm) else { return nil }
        return Instant(microseconds: t * 1_000_000 + Int64(local.time.microsecond))
    }

    /// The next elapse of `expression` after `instant`, exactly as systemd 252 computes it
    /// at this point of a run (it can even be earlier than `instant` where systemd's is).
    public mutating func nextElapse(of expression: CalendarExpression, after instant: Instant) -> CalendarElapse {
        var search = CalendarSearch(expression: expression, clock: clock)
        let outcome = search.next(after: instant)
        switch expression.zone {
        case .local, .localAbbreviation: clock = search.clock
        case .utc, .named: break  // timegm keeps its own state; a named zone ran in a child
        }
        return outcome
    }
}
