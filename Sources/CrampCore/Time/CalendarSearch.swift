/// Finds the next elapse of a calendar expression the way systemd 252 (Debian's build) does,
/// so the answers agree with `systemd-analyze calendar`, DST included.
///
/// The search walks the fields from year down to seconds. Each field moves to its next
/// allowed value (resetting the smaller fields); after each step the candidate is
/// normalized through glibc's `mktime` (`GlibcClock`). When normalization moves the
/// candidate forward (a DST gap, day 31 of a short month) the search starts over from
/// there; when it would move it backwards, the next larger field advances instead. Values
/// past a field's end from open repetitions (`00/10` hours gives 30) are kept and normalized
/// into the next day or month, like systemd does.
///
/// Two things only glibc's `mktime` explains: a time in a gap can normalize to *before* the
/// gap (where the earlier side is the one flagged as daylight saving, like Europe/Dublin's
/// winter GMT), and which reading of a repeated time is found depends on the offset the
/// previous `mktime` call found. systemd 252 as built by Debian guards the first: a result
/// before the start moves on by an hour and stops forcing `tm_isdst`, so the normalized
/// flag carries from then on (which is what makes systemd skip summer years in Dublin after
/// an elapse on its spring-forward day). After 1000 rounds systemd gives up ("Infinite loop
/// in calendar calculation").
struct CalendarSearch {
    let e: CalendarExpression
    var clock: GlibcClock
    /// `tm_isdst` as the expression forces it: -1, or 0/1 for a local abbreviation.
    let forcedDST: Int

    init(expression: CalendarExpression, clock shared: GlibcClock) {
        self.e = expression
        switch expression.zone {
        case .local: clock = shared; forcedDST = -1
        case .utc: clock = GlibcClock(zone: nil); forcedDST = -1
        case .named(let z): clock = GlibcClock(zone: z, guessOffset: shared.guessOffset); forcedDST = -1
        case .localAbbreviation(_, let dst): clock = shared; forcedDST = dst ? 1 : 0
        }
    }

    static let maxYear = 2199
    static let maxRounds = 1000

    mutating func next(after instant: Instant) -> CalendarElapse {
        // systemd's usec_t starts at the epoch, and no elapse lies past `maxYear`: a clock
        // outside `Instant.accepted` searches from its nearest end, inside `Int64`.
        let start = min(max(instant.microseconds, -1), Instant.accepted.upperBound.microseconds) + 1
        let seconds = start.floorDivided(by: 1_000_000)
        let origin = clock.localtime(seconds)
        var tm = origin
        var usec = Int(start - seconds * 1_000_000)
        switch find(&tm, &usec, origin: origin) {
        case .found: break
        case .never: return .never
        case .loop: return .failed("Infinite loop in calendar calculation")
        }
        guard let t = clock.mktime(&tm), t >= 0 else { return .failed("the local time does not convert to an instant") }
        return .elapse(Instant(microseconds: t * 1_000_000 + Int64(usec)))
    }

    enum Found { case found, never, loop }

    /// Outcome of normalizing a candidate: unchanged, moved forward (candidate updated), or invalid/backwards.
    enum Bounds { case same, movedForward, invalid }

    mutating func withinBounds(_ tm: inout BrokenDownTime) -> Bounds {
        if tm.year > Self.maxYear { return .invalid }
        var t = tm
        guard clock.mktime(&t) != nil else { return .invalid }
        // Where normalization changed a field, the smaller fields start from their minimum.
        var order = 0
        if t.year != tm.year { order = t.year < tm.year ? -1 : 1; t.month = 1 }
        else if t.month != tm.month { order = t.month < tm.month ? -1 : 1; t.day = 1 }
        else if t.day != tm.day { order = t.day < tm.day ? -1 : 1; t.hour = 0 }
        else if t.hour != tm.hour { order = t.hour < tm.hour ? -1 : 1; t.minute = 0 }
        else if t.minute != tm.minute { order = t.minute < tm.minute ? -1 : 1; t.second = 0 }
        else if t.second != tm.second { order = t.second < tm.second ? -1 : 1 }
        if order < 0 { return .invalid }
        if order > 0 { tm = t; return .movedForward }
        return .same
    }

    /// The next allowed value >= `value` of `chain`: nil when none, else whether it changed.
    mutating func match(_ chain: CalendarChain?, _ value: inout Int, days tm: BrokenDownTime? = nil) -> Bool? {
        guard let chain else { return false }
        var best: Int? = nil
        for c in chain {
            var start = c.start, stop = c.stop
            if let tm {
                start = endOfMonth(tm, c.start)
                stop = endOfMonth(tm, c.stop)
                if stop > 0 { swap(&start, &stop) }
            }
            if let v = c.next(atLeast: value, start: start, stop: stop), best.map({ v < $0 }) ?? true { best = v }
        }
        guard let best else { return nil }
        defer { value = best }
        return best != value
    }

    /// The day `fromEnd` days before the end of `tm`'s month counting the last as 1, or -1.
    mutating func endOfMonth(_ tm: BrokenDownTime, _ fromEnd: Int) -> Int {
        var t = tm
        t.month += 1
        t.day = 1 - fromEnd
        guard clock.mktime(&t) != nil, t.month == tm.month else { return -1 }
        return t.day
    }

    mutating func weekdayMatches(_ tm: BrokenDownTime) -> Bool {
        guard e.weekdayBits != 0 && e.weekdayBits != 0x7f else { return true }
        var t = tm
        guard clock.mktime(&t) != nil else { return false }
        let weekday = CivilDate(year: t.year, month: t.month, day: t.day).weekday.rawValue
        return e.weekdayBits & (1 << weekday) != 0
    }

    mutating func find(_ tm: inout BrokenDownTime, _ usec: inout Int, origin: BrokenDownTime) -> Found {
        var c = tm
        let originUsec = usec
        var keepFlag = false
        for _ in 0..<Self.maxRounds {
            _ = clock.mktime(&c)
            if !keepFlag { c.isDST = forcedDST }

            switch match(e.years, &c.year) {
            case nil: return .never
            case true?: c.month = 1; c.day = 1; c.hour = 0; c.minute = 0; c.second = 0; usec = 0
            case false?: break
            }
            if withinBounds(&c) != .same { return .never }

            var changed = match(e.months, &c.month)
            if changed == true { c.day = 1; c.hour = 0; c.minute = 0; c.second = 0; usec = 0 }
            if changed == nil { advance(&c, &usec, .year); continue }
            if withinBoundsOrAdvance(&c, &usec, parent: .year) { continue }

            changed = match(e.days, &c.day, days: e.endOfMonth ? c : nil)
            if changed == true { c.hour = 0; c.minute = 0; c.second = 0; usec = 0 }
            if changed == nil { advance(&c, &usec, .month); continue }
            if withinBoundsOrAdvance(&c, &usec, parent: .month) { continue }

            if !weekdayMatches(c) { advance(&c, &usec, .day); continue }

            changed = match(e.hours, &c.hour)
            if changed == true { c.minute = 0; c.second = 0; usec = 0 }
            if changed == nil { advance(&c, &usec, .day); continue }
            if withinBoundsOrAdvance(&c, &usec, parent: .day) { continue }

            changed = match(e.minutes, &c.minute)
            if changed == true { c.second = 0; usec = 0 }
            if changed == nil { advance(&c, &usec, .hour); continue }
            if withinBoundsOrAdvance(&c, &usec, parent: .hour) { continue }

            var micro = c.second * 1_000_000 + usec
            changed = match(e.seconds, &micro)
            usec = micro % 1_000_000
            c.second = micro / 1_000_000
            if changed == nil { advance(&c, &usec, .minute); continue }
            if withinBoundsOrAdvance(&c, &usec, parent: .minute) { continue }

            // Normalizing went back before the start (a gap normalized to its earlier side):
            // systemd 252 tries an hour later and lets the normalized flag stand from now on.
            if [c.year, c.month, c.day, c.hour, c.minute, c.second, usec].lexicographicallyPrecedes(
                [origin.year, origin.month, origin.day, origin.hour, origin.minute, origin.second, originUsec]) {
                c.hour += 1
                keepFlag = true
                continue
            }
            tm = c
            return .found
        }
        return .loop
    }

    enum Field { case year, month, day, hour, minute }

    /// Moves to the start of the next `field` unit.
    func advance(_ c: inout BrokenDownTime, _ usec: inout Int, _ field: Field) {
        switch field {
        case .year: c.year += 1; c.month = 1; c.day = 1; c.hour = 0; c.minute = 0
        case .month: c.month += 1; c.day = 1; c.hour = 0; c.minute = 0
        case .day: c.day += 1; c.hour = 0; c.minute = 0
        case .hour: c.hour += 1; c.minute = 0
        case .minute: c.minute += 1
        }
        c.second = 0; usec = 0
    }

    /// After a field matched: true when the search must start over (the candidate moved
    /// forward, or was invalid and the parent field was advanced).
    mutating func withinBoundsOrAdvance(_ c: inout BrokenDownTime, _ usec: inout Int, parent: Field) -> Bool {
        switch withinBounds(&c) {
        case .same: return false
        case .movedForward: return true
        case .invalid: advance(&c, &usec, parent); return true
        }
    }
}
