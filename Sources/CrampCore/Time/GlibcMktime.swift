/// A broken-down local time like C's `struct tm`: fields may be out of range until normalized.
struct BrokenDownTime: Equatable {
    var year: Int
    var month: Int   // 1...12 once normalized
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// -1: unknown (let the zone decide), 0: standard, 1: daylight saving.
    var isDST: Int

    /// Seconds since the epoch as if the fields were UTC, normalizing overflow like `mktime`.
    var secondsAsUTC: Int64 {
        let m0 = month - 1
        let y = year + m0.floorDiv(12)
        let m = m0 - m0.floorDiv(12) * 12 + 1
        let days = CivilDate(year: y, month: m, day: 1).daysSinceEpoch + Int64(day - 1)
        return days * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
    }

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, isDST: Int) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second; self.isDST = isDST
    }

    init(secondsAsUTC s: Int64, isDST: Int) {
        let l = LocalDateTime(microsecondsSinceEpochAsUTC: s * 1_000_000)
        self.init(year: l.date.year, month: l.date.month, day: l.date.day,
                  hour: l.time.hour, minute: l.time.minute, second: l.time.second, isDST: isDST)
    }
}

extension Int {
    func floorDiv(_ d: Int) -> Int { let q = self / d; return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q }
}

/// The local-time conversions systemd's calendar code makes through glibc 2.36, reproduced
/// on a `Zone` value so the results agree with `systemd-analyze` without touching `TZ`:
/// `localtime` is a table lookup; `mktime` inverts it by probing, the way glibc's
/// `__mktime_internal` does, so gaps, repeated hours and a forced `tm_isdst` come out the same.
///
/// glibc's `mktime` is stateful: each call starts from the offset the previous one found
/// (a static in libc). Which of two repeated readings it returns, and where a time in a gap
/// lands, depend on that guess, so one clock is kept for a whole run of computations.
struct GlibcClock: Sendable {
    /// `nil` is UTC (`timegm`/`gmtime_r`).
    let rules: ZoneRules?
    /// glibc's remembered offset from the last `mktime`, as seconds east of UTC.
    var guessOffset: Int = 0
    /// The last time converted to local time (glibc's `tzname` follows it).
    var lastLocaltime: Int64? = nil

    /// The last span looked up: most lookups of a search fall into it.
    var cached = ZoneSpan(offsetSeconds: 0, isDaylightSaving: false, start: 0, end: 0)

    init(zone: Zone?, guessOffset: Int = 0) {
        self.rules = zone?.rules
        self.guessOffset = guessOffset
    }

    mutating func type(_ seconds: Int64) -> (offset: Int, isDST: Bool) {
        guard let rules else { return (0, false) }
        if !cached.contains(seconds) { cached = rules.span(atSeconds: seconds) }
        return (cached.offsetSeconds, cached.isDaylightSaving)
    }

    mutating func localtime(_ seconds: Int64) -> BrokenDownTime {
        lastLocaltime = seconds
        let (offset, dst) = type(seconds)
        return BrokenDownTime(secondsAsUTC: seconds + Int64(offset), isDST: dst ? 1 : 0)
    }

    /// `mktime` (or `timegm` for UTC): the instant in seconds, and `tm` normalized to it.
    /// `nil` where glibc returns -1 (and leaves `tm` alone).
    mutating func mktime(_ tm: inout BrokenDownTime) -> Int64? {
        guard rules != nil else {
            let l = tm.secondsAsUTC
            tm = BrokenDownTime(secondsAsUTC: l, isDST: 0)
            return l
        }
        // glibc allows for leap seconds: it searches with the seconds clamped to 0...59 and
        // adds the rest afterwards, so 00:59:60 in a gap is the first second after the gap.
        let requestedSecond = tm.second
        var clamped = tm
        clamped.second = min(max(tm.second, 0), 59)
        let l = clamped.secondsAsUTC
        guard var t = invert(l, isDST: tm.isDST) else { return nil }
        guessOffset = Int(l - t)
        if requestedSecond != clamped.second { t += Int64(requestedSecond - clamped.second) }
        tm = localtime(t)
        return t
    }

    /// glibc's probing for the instant whose local reading is `l` (local time as if UTC).
    private mutating func invert(_ l: Int64, isDST requested: Int) -> Int64? {
        // Newton-like steps from the last offset. Each probe corrects by the error of the one
        // before; returning to the probe of two steps back means `l` is in a gap, and glibc
        // then takes the current probe if its flag suits: with tm_isdst < 0, unless it moved
        // from a daylight reading to a standard one; else if its flag differs from the request.
        var t = l - Int64(guessOffset)
        var before = t, previous = t
        var previousDST = false
        for _ in 0..<6 {
            let (offset, dst) = type(t)
            let error = l - (t + Int64(offset))
            if error == 0 { return requested < 0 || (requested != 0) == dst ? t : withRequestedFlag(l, t, requested) }
            let oscillating = t == before && t != previous
            if oscillating && (requested < 0 ? (!previousDST || dst) : (requested != 0) != dst) { return t }
            before = previous; previous = t; t += error; previousDST = dst
        }
        return nil
    }

    /// `l` read with the offset of the nearest time flagged as requested: glibc probes a week
    /// apart in both directions up to about 7 years away; without one it assumes a one-hour shift.
    private mutating func withRequestedFlag(_ l: Int64, _ t: Int64, _ requested: Int) -> Int64 {
        let stride: Int64 = 601_200, bound: Int64 = 457_243_200 / 2 + 601_200
        var delta = stride
        while delta < bound {
            for other in [t - delta, t + delta] {
                let (offset, dst) = type(other)
                if dst == (requested != 0) { return l - Int64(offset) }
            }
            delta += stride
        }
        let foundDST = type(t).isDST
        return t + 3600 * Int64((requested == 0 ? 1 : 0) - (foundDST ? 0 : 1))
    }
}
