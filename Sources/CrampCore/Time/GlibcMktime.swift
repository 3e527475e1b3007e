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

/// The local-time conversions systemd's calendar code makes through glibc, reproduced on a
/// `Zone` value so the results agree with `systemd-analyze` without touching `TZ`:
/// - `localtime` is `Zone.localDateTime`;
/// - `mktime` starts from the offset its previous call found (glibc keeps it in a static),
///   which decides which of two repeated times it returns; in a gap it prefers the reading
///   flagged as daylight saving (Berlin 02:30 becomes 03:30 CEST; Dublin's winter GMT is the
///   flagged one there, so 01:30 becomes 00:30); with `tm_isdst` set it looks for an offset
///   with that flag up to about 2.6 years away, a week at a time, like glibc does.
struct GlibcClock {
    /// `nil` is UTC (`timegm`/`gmtime_r`).
    let rules: ZoneRules?
    /// glibc's remembered offset (seconds east of UTC) from the last `mktime`.
    var guessOffset: Int = 0

    /// The last span looked up: most lookups of a search fall into it.
    var cached = ZoneSpan(offsetSeconds: 0, isDaylightSaving: false, start: 0, end: 0)

    init(zone: Zone?) { self.rules = zone?.rules }

    mutating func type(_ seconds: Int64) -> (offset: Int, isDST: Bool) {
        guard let rules else { return (0, false) }
        if !cached.contains(seconds) { cached = rules.span(atSeconds: seconds) }
        return (cached.offsetSeconds, cached.isDaylightSaving)
    }

    mutating func localtime(_ seconds: Int64) -> BrokenDownTime {
        let (offset, dst) = type(seconds)
        return BrokenDownTime(secondsAsUTC: seconds + Int64(offset), isDST: dst ? 1 : 0)
    }

    /// `mktime` (or `timegm` for UTC): the instant in seconds, and `tm` normalized to it.
    /// `nil` where glibc returns -1.
    mutating func mktime(_ tm: inout BrokenDownTime) -> Int64? {
        guard rules != nil else {
            let l = tm.secondsAsUTC
            tm = BrokenDownTime(secondsAsUTC: l, isDST: 0)
            return l
        }
        // glibc searches with seconds clamped to 0...59 (leap seconds) and adds the rest after:
        // 00:59:60 in a gap becomes the first second after it, where 01:00:00 may not.
        let requestedSecond = tm.second
        var clamped = tm
        clamped.second = min(max(tm.second, 0), 59)
        guard var t = mktimeClamped(&clamped) else { return nil }
        if requestedSecond != clamped.second {
            t += Int64(requestedSecond - min(max(requestedSecond, 0), 59))
            clamped = localtime(t)
        }
        tm = clamped
        return t
    }

    /// The daylight flag of the reading after the gap `tm` falls in (-1 outside gaps).
    mutating func isDaylightSavingAtGapEnd(_ tm: BrokenDownTime) -> Int {
        let l = tm.secondsAsUTC
        let before = type(l - 86_400).offset, after = type(l + 86_400).offset
        guard after > before else { return -1 }
        return type(l - Int64(before)).isDST ? 1 : 0
    }

    private mutating func mktimeClamped(_ tm: inout BrokenDownTime) -> Int64? {
        let l = tm.secondsAsUTC
        let requested = tm.isDST
        var t = l - Int64(guessOffset)
        var previous: Int64? = nil
        var found: Int64? = nil
        for _ in 0..<8 {
            let g = l - Int64(type(t).offset)
            if g == t { found = t; break }
            if g == previous {
                // Oscillating between two readings: the local time is in a gap.
                let a = type(t).isDST, b = type(g).isDST
                let wantFlag = requested < 0 ? true : requested == 0
                if a == wantFlag && b != wantFlag { found = t } else if b == wantFlag && a != wantFlag { found = g } else { return nil }
                guessOffset = Int(l - found!)
                tm = localtime(found!)
                return found
            }
            previous = t
            t = g
        }
        guard var result = found else { return nil }
        if requested >= 0 && (type(result).isDST ? 1 : 0) != requested {
            // Look for a nearby time with the requested flag and use its offset.
            let stride: Int64 = 601_200, bound: Int64 = 457_243_200 / 2 + 601_200
            var probed: Int64? = nil
            var delta = stride
            search: while delta < bound {
                for direction: Int64 in [-1, 1] {
                    let other = result + delta * direction
                    let (offset, dst) = type(other)
                    if (dst ? 1 : 0) == requested { probed = l - Int64(offset); break search }
                }
                delta += stride
            }
            if let probed { result = probed } else {
                result += 3600 * Int64((requested == 0 ? 1 : 0) - (type(result).isDST ? 0 : 1))
            }
        }
        guessOffset = Int(l - result)
        tm = localtime(result)
        return result
    }
}
