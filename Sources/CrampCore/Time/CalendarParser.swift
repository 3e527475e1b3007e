/// Parser for `OnCalendar=` expressions with systemd 252's accept/reject decisions.
///
/// Grammar (systemd.time(7); `SP` is a space, tabs are not separators):
///   expression = shorthand [ SP zone ] / [ weekdays ] [ date ] [ time ] [ SP zone ]
///   shorthand  = "minutely" / "hourly" / "daily" / "weekly" / "monthly" / "yearly" / "annually"
///                / "anually" / "quarterly" / "semiannually" / "semi-annually" / "biannually" / "bi-annually"
///   weekdays   = weekday *( ( "," / ".." / "-" ) weekday ) [ "," ] 1*SP
///   date       = ( chain "-" chain ( "-" / "~" ) chain / chain ( "-" / "~" ) chain ) *SP / "@" seconds
///   time       = chain ":" chain [ ":" chain ]                ; seconds may have a fraction
///   chain      = "*" / component *( "," component )
///   component  = number [ ".." number ] [ "/" number ]
///   zone       = "UTC" / a local zone abbreviation / an IANA zone name
/// Each rule function takes a byte position and returns the position after what it read.
struct CalendarParser {
    let text: String
    let bytes: [UInt8]
    /// glibc's `tzname` for the local zone, the abbreviations recognized as a trailing zone.
    let localNames: (standard: String, daylight: String)?
    /// Where a trailing IANA zone name ("Europe/Berlin") is looked up.
    let zones: TZDatabase

    init(text: String, localNames: (standard: String, daylight: String)?, zones: TZDatabase) {
        self.text = text
        self.bytes = Array(text.utf8)
        self.localNames = localNames
        self.zones = zones
    }

    func fail(_ expected: String, at i: Int) -> CalendarError {
        let got: String
        if i >= bytes.count { got = "end of expression" } else {
            got = "\"\(String(decoding: bytes[i..<min(bytes.count, i + 12)], as: UTF8.self))\""
        }
        return CalendarError(text: text, expected: expected, got: got, offset: i)
    }

    func invalid(_ what: String) -> CalendarError {
        CalendarError(message: "invalid calendar expression \"\(text)\": \(what)")
    }

    func peek(_ i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }

    static let shorthands: [String: String] = [
        "minutely": "*-*-* *:*:00", "hourly": "*-*-* *:00:00", "daily": "*-*-* 00:00:00",
        "monthly": "*-*-01 00:00:00", "weekly": "Mon *-*-* 00:00:00",
        "yearly": "*-01-01 00:00:00", "annually": "*-01-01 00:00:00", "anually": "*-01-01 00:00:00",
        "quarterly": "*-01,04,07,10-01 00:00:00",
        "semiannually": "*-01,07-01 00:00:00", "semi-annually": "*-01,07-01 00:00:00",
        "biannually": "*-01,07-01 00:00:00", "bi-annually": "*-01,07-01 00:00:00",
    ]

    func expression() throws(CalendarError) -> CalendarExpression {
        var (end, zone) = try trailingZone()
        guard end > 0 else { throw fail("a calendar expression", at: 0) }
        let body = String(decoding: bytes[0..<end], as: UTF8.self)
        if let expansion = Self.shorthands[body.lowercased()] {
            var e = try CalendarParser(text: expansion, localNames: nil, zones: zones).expression()
            e.zone = zone
            return e
        }
        var e = CalendarExpression(weekdayBits: 0, years: nil, months: nil, days: nil, endOfMonth: false,
                                   hours: nil, minutes: nil, seconds: [], zone: .local)
        var i = try weekdays(at: 0, end: end, into: &e)
        let (timestamp, i1) = try date(at: i, end: end, into: &e); i = i1
        if timestamp {
            // "@seconds" is a UTC timestamp; it overrides any zone suffix.
            zone = .utc
        } else {
            i = try time(at: i, end: end, into: &e)
            guard i == end else { throw fail("end of expression after the time", at: i) }
        }
        e.zone = zone
        return try validated(e)
    }

    // MARK: zone suffix

    /// The end of the expression body and the zone named after it, if any.
    func trailingZone() throws(CalendarError) -> (Int, CalendarExpression.CalendarZone) {
        func endsWithCaseInsensitive(_ suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            guard s.count <= bytes.count else { return false }
            return zip(bytes[(bytes.count - s.count)...], s).allSatisfy { lower($0) == lower($1) }
        }
        if endsWithCaseInsensitive(" UTC") { return (bytes.count - 4, .utc) }
        if let names = localNames {
            for (isDST, name) in [(false, names.standard), (true, names.daylight)] where !name.isEmpty {
                let n = name.utf8.count
                if endsWithCaseInsensitive(name), n < bytes.count, bytes[bytes.count - n - 1] == UInt8(ascii: " ") {
                    return (bytes.count - n - 1, .localAbbreviation(name, isDaylightSaving: isDST))
                }
            }
        }
        if let space = bytes.lastIndex(of: UInt8(ascii: " ")) {
            let name = String(decoding: bytes[(space + 1)...], as: UTF8.self)
            if name == "UTC" { return (space, .utc) }
            if TZDatabase.isSystemdTimezoneName(name), zones.hasTZifFile(name) {
                guard let zone = try? zones.zone(named: name) else {
                    throw invalid("time zone \"\(name)\" cannot be loaded")
                }
                return (space, .named(zone))
            }
        }
        return (bytes.count, .local)
    }

    // MARK: weekdays

    static let weekdayNames: [(String, Int)] = [
        ("monday", 0), ("mon", 0), ("tuesday", 1), ("tue", 1), ("wednesday", 2), ("wed", 2),
        ("thursday", 3), ("thu", 3), ("friday", 4), ("fri", 4), ("saturday", 5), ("sat", 5),
        ("sunday", 6), ("sun", 6),
    ]

    // weekdays = weekday *( ( "," / ".." / "-" ) weekday ) [ "," ] 1*SP
    func weekdays(at start: Int, end: Int, into e: inout CalendarExpression) throws(CalendarError) -> Int {
        var i = start
        var rangeStart: Int? = nil
        var first = true
        while true {
            guard let (day, length) = weekdayName(at: i, end: end) else {
                if first { return start }
                throw fail("a weekday name", at: i)
            }
            let after = i + length
            guard after == end || [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " ")].contains(bytes[after]) else {
                throw fail("\",\", \"..\", \"-\" or a space after a weekday", at: after)
            }
            e.weekdayBits |= 1 << day
            if let from = rangeStart {
                guard from <= day else { throw invalid("weekday range goes backwards") }
                for d in from..<day { e.weekdayBits |= 1 << d }
            }
            i = after
            if i == end { return i }
            if bytes[i] == UInt8(ascii: " ") { return skipSpaces(i, end) }
            if bytes[i] == UInt8(ascii: ".") {
                guard rangeStart == nil, i + 1 < end, bytes[i + 1] == UInt8(ascii: ".") else { throw fail("\"..\" between two weekdays", at: i) }
                rangeStart = day; i += 2
            } else if bytes[i] == UInt8(ascii: "-") {
                guard rangeStart == nil else { throw fail("a weekday after a range", at: i) }
                rangeStart = day; i += 1
            } else {
                rangeStart = nil; i += 1
            }
            // A trailing comma is allowed, an open range is not.
            if i == end || bytes[i] == UInt8(ascii: " ") {
                guard rangeStart == nil else { throw fail("a weekday to end the range", at: i) }
                return skipSpaces(i, end)
            }
            first = false
        }
    }

    func weekdayName(at i: Int, end: Int) -> (Int, Int)? {
        for (name, day) in Self.weekdayNames {
            let n = name.utf8
            guard i + n.count <= end else { continue }
            if zip(bytes[i..<(i + n.count)], n).allSatisfy({ lower($0) == $1 }) { return (day, n.count) }
        }
        return nil
    }

    func skipSpaces(_ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end && bytes[j] == UInt8(ascii: " ") { j += 1 }
        return j
    }

    // MARK: date

    // date = chain "-" chain ( "-" / "~" ) chain / chain ( "-" / "~" ) chain / "@" seconds
    /// Returns whether the date was an `@` timestamp (then nothing may follow).
    func date(at start: Int, end: Int, into e: inout CalendarExpression) throws(CalendarError) -> (Bool, Int) {
        if start == end { return (false, start) }
        if bytes[start] == UInt8(ascii: "@") {
            try timestamp(at: start + 1, end: end, into: &e)
            return (true, end)
        }
        let (first, i1) = try chain(at: start, end: end, microseconds: false)
        // Followed by ":" (or nothing): it was the hour of a time.
        if i1 == end || bytes[i1] == UInt8(ascii: ":") { return (false, start) }
        if bytes[i1] == UInt8(ascii: "~") { e.endOfMonth = true } else if bytes[i1] != UInt8(ascii: "-") {
            throw fail("\"-\" or \"~\" after the first date field", at: i1)
        }
        let (second, i2) = try chain(at: i1 + 1, end: end, microseconds: false)
        if i2 == end || bytes[i2] == UInt8(ascii: " ") {
            e.months = first; e.days = second
            return (false, skipSpaces(i2, end))
        }
        guard !e.endOfMonth else { throw fail("a space after the day", at: i2) }
        if bytes[i2] == UInt8(ascii: "~") { e.endOfMonth = true } else if bytes[i2] != UInt8(ascii: "-") {
            throw fail("\"-\" or \"~\" before the day", at: i2)
        }
        let (third, i3) = try chain(at: i2 + 1, end: end, microseconds: false)
        guard i3 == end || bytes[i3] == UInt8(ascii: " ") else { throw fail("a space after the date", at: i3) }
        e.years = first; e.months = second; e.days = third
        return (false, skipSpaces(i3, end))
    }

    // seconds = *WSP [ "+" ] 1*DIGIT   ; like strtoll, then nothing else
    func timestamp(at start: Int, end: Int, into e: inout CalendarExpression) throws(CalendarError) {
        var i = start
        while i < end, [9, 10, 11, 12, 13, 32].contains(bytes[i]) { i += 1 }
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "+") { i += 1 } else if i < end, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        let digitsStart = i
        var value: Int64 = 0
        while i < end, let d = digit(bytes[i]) {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { throw invalid("timestamp out of range") }
            value = s; i += 1
        }
        guard i > digitsStart, i == end else { throw fail("seconds since the epoch after \"@\"", at: i) }
        guard !negative || value == 0 else { throw invalid("timestamp before 1970") }
        let t = LocalDateTime(microsecondsSinceEpochAsUTC: value.multipliedReportingOverflow(by: 1_000_000).partialValue)
        guard value <= 7_258_118_399 else { throw invalid("timestamp after the year 2199") }
        e.years = [CalendarComponent(start: t.date.year)]
        e.months = [CalendarComponent(start: t.date.month)]
        e.days = [CalendarComponent(start: t.date.day)]
        e.hours = [CalendarComponent(start: t.time.hour)]
        e.minutes = [CalendarComponent(start: t.time.minute)]
        e.seconds = [CalendarComponent(start: t.time.second * 1_000_000)]
    }

    // MARK: time

    // time = chain ":" chain [ ":" chain ]; nothing at all means 00:00:00
    func time(at start: Int, end: Int, into e: inout CalendarExpression) throws(CalendarError) -> Int {
        let zero = [CalendarComponent(start: 0)]
        if start == end {
            e.hours = zero; e.minutes = zero; e.seconds = zero
            return start
        }
        let (h, i1) = try chain(at: start, end: end, microseconds: false)
        guard i1 < end, bytes[i1] == UInt8(ascii: ":") else { throw fail("\":\" after the hour", at: i1) }
        let (m, i2) = try chain(at: i1 + 1, end: end, microseconds: false)
        e.hours = h; e.minutes = m
        if i2 == end { e.seconds = zero; return i2 }
        guard bytes[i2] == UInt8(ascii: ":") else { throw fail("\":\" or end after the minute", at: i2) }
        let (s, i3) = try chain(at: i2 + 1, end: end, microseconds: true)
        // "*" seconds: every whole second.
        e.seconds = s ?? [CalendarComponent(start: 0, repeatStep: 1_000_000)]
        return i3
    }

    // MARK: chains

    // chain = "*" / component *( "," component ); nil is "*".
    func chain(at start: Int, end: Int, microseconds: Bool) throws(CalendarError) -> (CalendarChain?, Int) {
        if start < end, bytes[start] == UInt8(ascii: "*") { return (nil, start + 1) }
        var result: CalendarChain = []
        var i = start
        while true {
            // systemd nests one call per element and gives up beyond 240.
            guard result.count <= 240 else { throw invalid("more than 240 values in one field") }
            let (c, next) = try component(at: i, end: end, microseconds: microseconds)
            result.append(c)
            i = next
            guard i < end, bytes[i] == UInt8(ascii: ",") else { return (result, i) }
            i += 1
        }
    }

    // component = number [ ".." number ] [ "/" number ]
    func component(at start: Int, end: Int, microseconds: Bool) throws(CalendarError) -> (CalendarComponent, Int) {
        let unit = microseconds ? 1_000_000 : 1
        let (first, i1) = try decimal(at: start, end: end, microseconds: microseconds)
        var i = i1
        var stop = -1, step = 0
        if i + 1 < end, bytes[i] == UInt8(ascii: "."), bytes[i + 1] == UInt8(ascii: ".") {
            let (s, i2) = try decimal(at: i + 2, end: end, microseconds: microseconds)
            stop = s; step = unit; i = i2
        }
        if i < end, bytes[i] == UInt8(ascii: "/") {
            let (r, i3) = try decimal(at: i + 1, end: end, microseconds: microseconds)
            guard r > 0 else { throw invalid("a repetition of 0") }
            step = r; i = i3
        } else {
            guard first <= Int(Int32.max) - step else { throw invalid("value out of range") }
            // Without an explicit step, a seconds range needs room for one whole second.
            if microseconds && stop >= 0 && first + step > stop { throw invalid("seconds range shorter than its one-second step") }
        }
        if i < end, ![UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "~"), UInt8(ascii: ":")].contains(bytes[i]) {
            throw fail("\",\", \"..\", \"/\" or a separator after a number", at: i)
        }
        return (CalendarComponent(start: first, stop: stop, repeatStep: step), i)
    }

    // number = 1*DIGIT [ "." 1*DIGIT ]   ; the fraction only for seconds, rounded to microseconds
    func decimal(at start: Int, end: Int, microseconds: Bool) throws(CalendarError) -> (Int, Int) {
        var i = start
        var value: UInt64 = 0
        while i < end, let d = digit(bytes[i]) {
            value = value * 10 + UInt64(d)
            guard value <= UInt64(UInt32.max) else { throw invalid("number out of range") }
            i += 1
        }
        guard i > start else { throw fail("a number", at: start) }
        if microseconds {
            // systemd multiplies in 32 bits and refuses what overflows.
            guard value * 1_000_000 <= UInt64(UInt32.max) else { throw invalid("number out of range") }
            value *= 1_000_000
            if i + 1 <= end, i < end, bytes[i] == UInt8(ascii: "."), !(i + 1 < end && bytes[i + 1] == UInt8(ascii: ".")) {
                i += 1
                let fracStart = i
                var fraction: UInt64 = 0, digits = 0
                var roundUp = false
                while i < end, let d = digit(bytes[i]) {
                    if digits < 6 { fraction = fraction * 10 + UInt64(d) } else if digits == 6 { roundUp = d >= 5 }
                    digits += 1; i += 1
                }
                guard i > fracStart else { throw fail("digits after the decimal point", at: i) }
                for _ in digits..<max(digits, 6) { fraction *= 10 }
                if roundUp { fraction += 1 }
                value += fraction
                guard value <= UInt64(UInt32.max) else { throw invalid("number out of range") }
            }
        }
        guard value <= UInt64(Int32.max) else { throw invalid("number out of range") }
        return (Int(value), i)
    }

    func digit(_ c: UInt8) -> Int? { (c >= 48 && c <= 57) ? Int(c - 48) : nil }
    func lower(_ c: UInt8) -> UInt8 { (c >= 65 && c <= 90) ? c + 32 : c }

    // MARK: validation

    /// Two-digit years, normalization, then systemd's range checks.
    func validated(_ input: CalendarExpression) throws(CalendarError) -> CalendarExpression {
        var e = input
        if e.weekdayBits == 0x7f { e.weekdayBits = 0 }
        if e.days == nil { e.endOfMonth = false }
        // 0...69 are 2000...2069, 70...99 are 1970...1999.
        e.years = e.years.map { $0.map { c in
            var c = c
            for keyPath in [\CalendarComponent.start, \CalendarComponent.stop] {
                let v = c[keyPath: keyPath]
                if v >= 0 && v < 70 { c[keyPath: keyPath] = v + 2000 } else if v >= 70 && v < 100 { c[keyPath: keyPath] = v + 1900 }
            }
            return c
        } }
        e.years = e.years?.normalizedChain()
        e.months = e.months?.normalizedChain()
        e.days = e.days?.normalizedChain()
        e.hours = e.hours?.normalizedChain()
        e.minutes = e.minutes?.normalizedChain()
        e.seconds = e.seconds.normalizedChain()
        try check(e.years, "year", 1970, 2199, endOfMonth: false)
        try check(e.months, "month", 1, 12, endOfMonth: false)
        try check(e.days, "day", 1, e.endOfMonth ? 28 : 31, endOfMonth: e.endOfMonth)
        try check(e.hours, "hour", 0, 23, endOfMonth: false)
        try check(e.minutes, "minute", 0, 59, endOfMonth: false)
        try check(e.seconds, "second", 0, 60 * 1_000_000 - 1, endOfMonth: false)
        return e
    }

    func check(_ chain: CalendarChain?, _ field: String, _ from: Int, _ to: Int, endOfMonth: Bool) throws(CalendarError) {
        let scale = field == "second" ? 1_000_000 : 1
        func shown(_ v: Int) -> String { scale == 1 ? String(v) : CalendarFormatter.seconds(v) }
        for (index, c) in (chain ?? []).enumerated() {
            // Measured against systemd 252: after `~`, each further list element may count
            // three days less far back (~28, then ~25, ~22, …).
            let to = endOfMonth ? to - 3 * index : to
            guard c.start >= from && c.start <= to else {
                throw invalid("\(field) \(shown(c.start)) is outside \(shown(from))...\(shown(to))\(endOfMonth ? " (days before the month's end)" : "")")
            }
            if c.stop >= 0 {
                guard c.stop >= c.start && c.stop <= to else { throw invalid("\(field) range \(shown(c.start))..\(shown(c.stop)) is not within \(shown(from))...\(shown(to))") }
            }
            guard c.repeatStep <= to - from else { throw invalid("\(field) repetition \(shown(c.repeatStep)) is too large") }
            // A repetition must fire at least twice within the field's range.
            if c.stop < 0 && c.repeatStep > 0 {
                let fits = endOfMonth ? c.start - c.repeatStep >= from : c.start + c.repeatStep <= to
                guard fits else { throw invalid("\(field) \(shown(c.start))/\(shown(c.repeatStep)) never repeats within \(shown(from))...\(shown(to))") }
            }
        }
    }
}

extension TZDatabase {
    /// The names systemd accepts as a trailing zone: letters, digits, `-_+/`, no empty
    /// path component, not starting or ending with "/".
    static func isSystemdTimezoneName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/") else { return false }
        var slash = false
        for c in name.utf8 {
            let ok = (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122)
                || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: "+") || c == UInt8(ascii: "/")
            guard ok else { return false }
            if c == UInt8(ascii: "/") { if slash { return false }; slash = true } else { slash = false }
        }
        return !slash
    }

    /// Whether the provider has zone `name` and it starts with the TZif magic.
    func hasTZifFile(_ name: String) -> Bool {
        guard TZDatabase.isValidName(name), let bytes = provider.tzif(named: name), bytes.count >= 4 else { return false }
        return Array(bytes[0..<4]) == Array("TZif".utf8)
    }
}
