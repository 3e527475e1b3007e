// Dates and times (RFC 3339 as profiled by TOML). Fields are fixed-width
// digit groups, read directly; ranges are checked after reading.

extension Parser {
    /// Whether the value at `i` is a date (`dddd-`) or a time (`dd:`), not a number.
    func startsDateOrTime(_ i: Int) -> Bool {
        guard isDigit(at(i)) && isDigit(at(i + 1)) else { return false }
        if at(i + 2) == UInt8(ascii: ":") { return true }
        return isDigit(at(i + 2)) && isDigit(at(i + 3)) && at(i + 4) == UInt8(ascii: "-")
    }

    // date-time = offset-date-time / local-date-time / local-date / local-time
    // offset-date-time = full-date time-delim full-time
    // local-date-time = full-date time-delim partial-time
    // local-date = full-date
    // local-time = partial-time
    // time-delim = "T" / %x20  ; T, t, or space
    func parseDateTime(_ start: Int) throws(TOMLError) -> (TOMLValue, Int) {
        if at(start + 2) == UInt8(ascii: ":") {
            let (time, end) = try parsePartialTime(start)
            if time.second == 60 { try checkLeapSecond(time, offsetMinutes: nil, at: start) }
            return (.localTime(time), end)
        }
        let (date, dateEnd) = try parseFullDate(start)
        let delimiter = at(dateEnd)
        let hasTime: Bool
        switch delimiter {
        case UInt8(ascii: "T"), UInt8(ascii: "t"):
            hasTime = true
        case UInt8(ascii: " "):
            // A space separates a time only if one follows; else it ends the date.
            hasTime = isDigit(at(dateEnd + 1)) && isDigit(at(dateEnd + 2)) && at(dateEnd + 3) == UInt8(ascii: ":")
        default:
            hasTime = false
        }
        guard hasTime else { return (.localDate(date), dateEnd) }
        let (time, timeEnd) = try parsePartialTime(dateEnd + 1)
        let local = TOMLLocalDateTime(date: date, time: time)
        guard let (offsetMinutes, end) = try parseTimeOffset(timeEnd) else {
            if time.second == 60 { try checkLeapSecond(time, offsetMinutes: nil, at: dateEnd + 1) }
            return (.localDateTime(local), timeEnd)
        }
        if time.second == 60 { try checkLeapSecond(time, offsetMinutes: offsetMinutes, at: dateEnd + 1) }
        return (.offsetDateTime(TOMLOffsetDateTime(dateTime: local, offsetMinutes: offsetMinutes)), end)
    }

    // full-date = date-fullyear "-" date-month "-" date-mday
    // date-fullyear = 4DIGIT
    // date-month = 2DIGIT  ; 01-12
    // date-mday = 2DIGIT   ; 01-28, 01-29, 01-30, 01-31 based on month/year
    func parseFullDate(_ start: Int) throws(TOMLError) -> (TOMLLocalDate, Int) {
        let year = try digits(start, 4, "a 4-digit year")
        try expect(UInt8(ascii: "-"), at: start + 4, "'-' after the year")
        let month = try digits(start + 5, 2, "a 2-digit month")
        try expect(UInt8(ascii: "-"), at: start + 7, "'-' after the month")
        let day = try digits(start + 8, 2, "a 2-digit day")
        if isDigit(at(start + 10)) {
            throw TOMLError(.syntax, "expected a 2-digit day, got more digits", at: start + 10)
        }
        guard (1...12).contains(month) else {
            throw TOMLError(.invalidValue, "month \(text(start + 5, start + 7)) is out of range (01 to 12)", at: start + 5)
        }
        let last = daysIn(month: month, year: year)
        guard (1...last).contains(day) else {
            throw TOMLError(.invalidValue, "day \(text(start + 8, start + 10)) is out of range for \(text(start, start + 7)) (01 to \(last))", at: start + 8)
        }
        return (TOMLLocalDate(year: year, month: month, day: day), start + 10)
    }

    // partial-time = time-hour ":" time-minute [ ":" time-second [ time-secfrac ] ]
    //   (TOML 1.0: the seconds are required)
    // time-hour = 2DIGIT    ; 00-23
    // time-minute = 2DIGIT  ; 00-59
    // time-second = 2DIGIT  ; 00-58, 00-59, 00-60 based on leap second rules
    // time-secfrac = "." 1*DIGIT
    func parsePartialTime(_ start: Int) throws(TOMLError) -> (TOMLLocalTime, Int) {
        let hour = try digits(start, 2, "a 2-digit hour")
        try expect(UInt8(ascii: ":"), at: start + 2, "':' after the hour")
        let minute = try digits(start + 3, 2, "a 2-digit minute")
        guard hour < 24 else {
            throw TOMLError(.invalidValue, "hour \(text(start, start + 2)) is out of range (00 to 23)", at: start)
        }
        guard minute < 60 else {
            throw TOMLError(.invalidValue, "minute \(text(start + 3, start + 5)) is out of range (00 to 59)", at: start + 3)
        }
        var i = start + 5
        guard at(i) == UInt8(ascii: ":") else {
            if version == .v1_0 {
                throw TOMLError(.syntax, "expected ':' and seconds after the minute, got \(describe(i)) (seconds are optional only in TOML 1.1)", at: i)
            }
            if isDigit(at(i)) {
                throw TOMLError(.syntax, "expected a 2-digit minute, got more digits", at: i)
            }
            return (TOMLLocalTime(hour: hour, minute: minute), i)
        }
        let second = try digits(i + 1, 2, "a 2-digit second")
        guard second <= 60 else {
            throw TOMLError(.invalidValue, "second \(text(i + 1, i + 3)) is out of range (00 to 59, or 60 for a leap second)", at: i + 1)
        }
        i += 3
        var nanosecond = 0
        if at(i) == UInt8(ascii: ".") {
            i += 1
            guard isDigit(at(i)) else {
                throw expected("a digit after '.'", at: i)
            }
            // Keep nanoseconds; finer digits are truncated.
            var scale = 100_000_000
            while isDigit(at(i)) {
                nanosecond += Int(bytes[i] - UInt8(ascii: "0")) * scale
                scale /= 10
                i += 1
            }
        } else if isDigit(at(i)) {
            throw TOMLError(.syntax, "expected a 2-digit second, got more digits", at: i)
        }
        return (TOMLLocalTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond), i)
    }

    // time-offset = "Z" / time-numoffset
    // time-numoffset = ( "+" / "-" ) time-hour ":" time-minute
    /// The offset in minutes and the position after it, or nil if none follows.
    func parseTimeOffset(_ start: Int) throws(TOMLError) -> (Int, Int)? {
        let b = at(start)
        if b == UInt8(ascii: "Z") || b == UInt8(ascii: "z") { return (0, start + 1) }
        guard b == UInt8(ascii: "+") || b == UInt8(ascii: "-") else { return nil }
        let hour = try digits(start + 1, 2, "a 2-digit offset hour")
        try expect(UInt8(ascii: ":"), at: start + 3, "':' in the offset")
        let minute = try digits(start + 4, 2, "a 2-digit offset minute")
        guard hour < 24 else {
            throw TOMLError(.invalidValue, "offset hour \(text(start + 1, start + 3)) is out of range (00 to 23)", at: start + 1)
        }
        guard minute < 60 else {
            throw TOMLError(.invalidValue, "offset minute \(text(start + 4, start + 6)) is out of range (00 to 59)", at: start + 4)
        }
        let minutes = hour * 60 + minute
        return (b == UInt8(ascii: "-") ? -minutes : minutes, start + 6)
    }

    /// A leap second is 23:59:60 UTC. With an offset that is checked exactly;
    /// a local time may be in any zone (offsets are multiples of 15 minutes),
    /// so its minute must be 14, 29, 44 or 59.
    func checkLeapSecond(_ time: TOMLLocalTime, offsetMinutes: Int?, at start: Int) throws(TOMLError) {
        let valid: Bool
        if let offsetMinutes {
            let utcMinutes = ((time.hour * 60 + time.minute - offsetMinutes) % 1440 + 1440) % 1440
            valid = utcMinutes == 23 * 60 + 59
        } else {
            valid = time.minute % 15 == 14
        }
        if !valid {
            throw TOMLError(.invalidValue, "second 60 is only valid for a leap second, at 23:59:60 UTC", at: start + 6)
        }
    }

    /// `n` decimal digits at `start` as a number.
    @inline(__always)
    func digits(_ start: Int, _ n: Int, _ what: String) throws(TOMLError) -> Int {
        var value = 0
        for i in start..<start + n {
            let b = at(i)
            guard isDigit(b) else { throw expected(what, at: i) }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    @inline(__always)
    func expect(_ byte: UInt8, at i: Int, _ what: String) throws(TOMLError) {
        if at(i) != byte { throw expected(what, at: i) }
    }
}

func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}
