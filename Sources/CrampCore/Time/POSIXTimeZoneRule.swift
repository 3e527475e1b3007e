/// A POSIX `TZ` rule such as `CET-1CEST,M3.5.0,M10.5.0/3` (POSIX.1 8.3, with the
/// RFC 8536 extensions: hours up to ±167 in rule times, `<+1030>`-style quoted names).
///
/// It is both a way to write `$TZ` and the footer of a TZif v2+ file, which says
/// what happens after the transition table ends.
public struct POSIXTimeZoneRule: Sendable, Equatable {
    public var standard: LocalTimeType
    /// Absent for zones without daylight saving (`<+0530>-5:30`).
    public var daylight: DaylightRule?

    public struct DaylightRule: Sendable, Equatable {
        public var type: LocalTimeType
        public var start: TransitionRule
        public var end: TransitionRule
    }

    /// One yearly change: a day rule plus a local time (seconds, may be negative or past 24h).
    public struct TransitionRule: Sendable, Equatable {
        public var day: DayRule
        public var timeSeconds: Int
    }

    public enum DayRule: Sendable, Equatable {
        /// `Jn`: day 1...365, February 29 never counted.
        case julianNoLeap(Int)
        /// `n`: day 0...365, February 29 counted in leap years.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = last) of month `m`.
        case monthWeekDay(month: Int, week: Int, weekday: Int)

        /// The date this rule names in `year`.
        func date(in year: Int) -> CivilDate {
            switch self {
            case .julianNoLeap(let n):
                // Day n of a 365-day year: in leap years March onwards shifts by one.
                let jan1 = CivilDate(year: year, month: 1, day: 1)
                let shift = (CivilDate.isLeapYear(year) && n >= 60) ? 1 : 0
                return jan1.adding(days: n - 1 + shift)
            case .zeroBased(let n):
                return CivilDate(year: year, month: 1, day: 1).adding(days: n)
            case .monthWeekDay(let month, let week, let weekday):
                let first = CivilDate(year: year, month: month, day: 1)
                // Weekday is Monday-based in CivilDate, Sunday-based (0 = Sunday) here.
                let firstSundayBased = (first.weekday.rawValue + 1) % 7
                var day = 1 + (weekday - firstSundayBased + 7) % 7 + (week - 1) * 7
                let length = CivilDate.daysInMonth(year: year, month: month)
                while day > length { day -= 7 }
                return CivilDate(year: year, month: month, day: day)
            }
        }
    }

    /// Parses a whole rule; the error names what was expected where.
    public static func parse(_ text: String) throws(ZoneError) -> POSIXTimeZoneRule {
        let bytes = Array(text.utf8)
        let parser = POSIXRuleParser(bytes: bytes, text: text)
        return try parser.rule()
    }

    /// The local time type at `seconds` since the epoch.
    public func type(atSeconds seconds: Int64) -> LocalTimeType {
        guard let daylight else { return standard }
        // The year as seen in standard time; neighbours are checked by the interval test below.
        let year = LocalDateTime(microsecondsSinceEpochAsUTC: (seconds + Int64(standard.utcOffsetSeconds)) * 1_000_000).date.year
        let (start, end) = transitionInstants(in: year, daylight)
        if start < end {
            return (seconds >= start && seconds < end) ? daylight.type : standard
        } else {
            // Southern hemisphere (or Dublin's negative DST): daylight spans the new year.
            return (seconds >= end && seconds < start) ? standard : daylight.type
        }
    }

    /// The instants (seconds) at which daylight time starts and ends in `year`.
    func transitionInstants(in year: Int, _ daylight: DaylightRule) -> (start: Int64, end: Int64) {
        // The start is given in the standard local time, the end in the daylight local time.
        let start = daylight.start.day.date(in: year).daysSinceEpoch * 86_400
            + Int64(daylight.start.timeSeconds) - Int64(standard.utcOffsetSeconds)
        let end = daylight.end.day.date(in: year).daysSinceEpoch * 86_400
            + Int64(daylight.end.timeSeconds) - Int64(daylight.type.utcOffsetSeconds)
        return (start, end)
    }
}

/// Recursive-descent parser over the bytes of a POSIX TZ string. Each rule function
/// takes the position in `at` and returns the position after what it read.
struct POSIXRuleParser {
    let bytes: [UInt8]
    let text: String

    func fail(_ expected: String, at i: Int) -> ZoneError {
        let got = i < bytes.count ? "\"\(String(decoding: bytes[i...], as: UTF8.self))\"" : "end of text"
        return ZoneError(message: "invalid POSIX TZ rule \"\(text)\": expected \(expected), got \(got)")
    }

    func peek(_ i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }

    // rule = std offset [ dst [ offset ] [ "," start [ "/" time ] "," end [ "/" time ] ] ]
    func rule() throws(ZoneError) -> POSIXTimeZoneRule {
        var i = 0
        let (stdName, i1) = try name(at: i); i = i1
        let (stdOffset, i2) = try hms(at: i, maxHours: 24, what: "a UTC offset"); i = i2
        let standard = LocalTimeType(utcOffsetSeconds: -stdOffset, isDaylightSaving: false, abbreviation: stdName)
        if i == bytes.count { return POSIXTimeZoneRule(standard: standard, daylight: nil) }
        let (dstName, i3) = try name(at: i); i = i3
        var dstOffset = -stdOffset + 3600
        if let c = peek(i), c != UInt8(ascii: ",") {
            let (o, i4) = try hms(at: i, maxHours: 24, what: "a UTC offset"); i = i4
            dstOffset = -o
        }
        let daylightType = LocalTimeType(utcOffsetSeconds: dstOffset, isDaylightSaving: true, abbreviation: dstName)
        // Without explicit dates POSIX leaves the rule to the implementation; glibc and tzcode use US rules.
        var start = POSIXTimeZoneRule.TransitionRule(day: .monthWeekDay(month: 3, week: 2, weekday: 0), timeSeconds: 7200)
        var end = POSIXTimeZoneRule.TransitionRule(day: .monthWeekDay(month: 11, week: 1, weekday: 0), timeSeconds: 7200)
        if i < bytes.count {
            guard peek(i) == UInt8(ascii: ",") else { throw fail("\",\" before the start rule", at: i) }
            let (s, i5) = try transition(at: i + 1); start = s; i = i5
            guard peek(i) == UInt8(ascii: ",") else { throw fail("\",\" before the end rule", at: i) }
            let (e, i6) = try transition(at: i + 1); end = e; i = i6
        }
        guard i == bytes.count else { throw fail("end of rule", at: i) }
        return POSIXTimeZoneRule(standard: standard, daylight: .init(type: daylightType, start: start, end: end))
    }

    // name = 3*ALPHA / "<" 3*(ALPHA / DIGIT / "+" / "-") ">"
    func name(at i: Int) throws(ZoneError) -> (String, Int) {
        if peek(i) == UInt8(ascii: "<") {
            var j = i + 1
            while let c = peek(j), c != UInt8(ascii: ">") {
                guard isAlpha(c) || isDigit(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") else {
                    throw fail("a letter, digit, \"+\" or \"-\" in a quoted zone name", at: j)
                }
                j += 1
            }
            guard peek(j) == UInt8(ascii: ">"), j - (i + 1) >= 3 else { throw fail("a quoted zone name of 3 or more characters", at: i) }
            return (String(decoding: bytes[(i + 1)..<j], as: UTF8.self), j + 1)
        }
        var j = i
        while let c = peek(j), isAlpha(c) { j += 1 }
        guard j - i >= 3 else { throw fail("a zone name of 3 or more letters", at: i) }
        return (String(decoding: bytes[i..<j], as: UTF8.self), j)
    }

    // offset = [ "+" / "-" ] hh [ ":" mm [ ":" ss ] ]; returns signed seconds as written.
    func hms(at i0: Int, maxHours: Int, what: String) throws(ZoneError) -> (Int, Int) {
        var i = i0
        var sign = 1
        if peek(i) == UInt8(ascii: "+") { i += 1 } else if peek(i) == UInt8(ascii: "-") { sign = -1; i += 1 }
        let (h, i1) = try number(at: i, maxDigits: 3, what: what); i = i1
        guard h <= maxHours else { throw fail("hours at most \(maxHours) in \(what)", at: i0) }
        var seconds = h * 3600
        if peek(i) == UInt8(ascii: ":") {
            let (m, i2) = try number(at: i + 1, maxDigits: 2, what: "minutes"); i = i2
            guard m < 60 else { throw fail("minutes below 60", at: i0) }
            seconds += m * 60
            if peek(i) == UInt8(ascii: ":") {
                let (s, i3) = try number(at: i + 1, maxDigits: 2, what: "seconds"); i = i3
                guard s < 60 else { throw fail("seconds below 60", at: i0) }
                seconds += s
            }
        }
        return (sign * seconds, i)
    }

    // transition = date [ "/" time ]; date = "J" n / n / "M" m "." w "." d
    func transition(at i0: Int) throws(ZoneError) -> (POSIXTimeZoneRule.TransitionRule, Int) {
        var i = i0
        let day: POSIXTimeZoneRule.DayRule
        if peek(i) == UInt8(ascii: "J") {
            let (n, i1) = try number(at: i + 1, maxDigits: 3, what: "a Julian day"); i = i1
            guard (1...365).contains(n) else { throw fail("a Julian day 1...365", at: i0) }
            day = .julianNoLeap(n)
        } else if peek(i) == UInt8(ascii: "M") {
            let (m, i1) = try number(at: i + 1, maxDigits: 2, what: "a month")
            guard (1...12).contains(m), peek(i1) == UInt8(ascii: ".") else { throw fail("\"Mm.w.d\" with month 1...12", at: i0) }
            let (w, i2) = try number(at: i1 + 1, maxDigits: 1, what: "a week")
            guard (1...5).contains(w), peek(i2) == UInt8(ascii: ".") else { throw fail("\"Mm.w.d\" with week 1...5", at: i0) }
            let (d, i3) = try number(at: i2 + 1, maxDigits: 1, what: "a weekday")
            guard (0...6).contains(d) else { throw fail("\"Mm.w.d\" with weekday 0...6", at: i0) }
            day = .monthWeekDay(month: m, week: w, weekday: d); i = i3
        } else {
            let (n, i1) = try number(at: i, maxDigits: 3, what: "a day rule (\"Jn\", \"n\" or \"Mm.w.d\")"); i = i1
            guard (0...365).contains(n) else { throw fail("a day 0...365", at: i0) }
            day = .zeroBased(n)
        }
        var time = 7200
        if peek(i) == UInt8(ascii: "/") {
            // RFC 8536 allows -167...167 hours here (e.g. "M3.5.0/-1", "J365/25").
            let (t, i1) = try hms(at: i + 1, maxHours: 167, what: "a transition time"); i = i1
            time = t
        }
        return (.init(day: day, timeSeconds: time), i)
    }

    func number(at i: Int, maxDigits: Int, what: String) throws(ZoneError) -> (Int, Int) {
        var j = i, value = 0
        while let c = peek(j), isDigit(c), j - i < maxDigits { value = value * 10 + Int(c - 48); j += 1 }
        guard j > i else { throw fail(what, at: i) }
        return (value, j)
    }

    func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}
