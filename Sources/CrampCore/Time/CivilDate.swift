/// A proleptic Gregorian calendar date with no zone.
public struct CivilDate: Comparable, Hashable, Sendable {
    public var year: Int
    public var month: Int  // 1...12
    public var day: Int    // 1...31

    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// "2026-11-25": ISO 8601, what `date -I`, spreadsheets and `jq` scripts expect.
    public var isoText: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// Reads exactly "YYYY-MM-DD" naming a real date; nil otherwise (`LocalTimeText.date`).
    public init?(isoText text: some StringProtocol) {
        guard let date = LocalTimeText.date(text) else { return nil }
        self = date
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil.
    public var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = y.floorDivided(by: 400)
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(daysSinceEpoch z0: Int64) {
        let z = z0 + 719_468
        let era = z.floorDivided(by: 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: Int(y), month: Int(m), day: Int(d))
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday(mondayBasedIndex: Int((daysSinceEpoch + 3).floorModulo(7)))
    }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + Int64(days)) }
}

/// Days of the week; raw values are Monday-based (0 = Monday), like systemd.
public enum Weekday: Int, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    public init(mondayBasedIndex i: Int) { self = Weekday(rawValue: i)! }

    /// The three-letter name used in config and by systemd: "mon" … "sun".
    public var shortName: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue] }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// A wall-clock time of day with microseconds (`HH:MM[:SS[.ffffff]]`).
public struct TimeOfDay: Comparable, Hashable, Sendable, Codable {
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var microsecond: Int

    public init(hour: Int, minute: Int, second: Int = 0, microsecond: Int = 0) {
        self.hour = hour; self.minute = minute; self.second = second; self.microsecond = microsecond
    }

    public var microsecondsSinceMidnight: Int64 {
        ((Int64(hour) * 60 + Int64(minute)) * 60 + Int64(second)) * 1_000_000 + Int64(microsecond)
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool {
        a.microsecondsSinceMidnight < b.microsecondsSinceMidnight
    }
}

/// A date and a time of day with no zone: what a clock on the wall shows.
public struct LocalDateTime: Comparable, Hashable, Sendable, Codable {
    public var date: CivilDate
    public var time: TimeOfDay

    public init(date: CivilDate, time: TimeOfDay) { self.date = date; self.time = time }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.time) < (b.date, b.time)
    }

    /// Microseconds since 1970-01-01T00:00 as if this were UTC; the basis of zone math.
    /// Saturates at the ends of `Int64` (a date past the year 292,277), like `Instant`.
    public var microsecondsSinceEpochAsUTC: Int64 {
        date.daysSinceEpoch.saturatingMultiplied(by: 86_400_000_000).saturatingAdding(time.microsecondsSinceMidnight)
    }

    public init(microsecondsSinceEpochAsUTC us: Int64) {
        let day = us.floorDivided(by: 86_400_000_000)
        var rest = us - day * 86_400_000_000
        let micro = Int(rest % 1_000_000); rest /= 1_000_000
        let s = Int(rest % 60); rest /= 60
        let m = Int(rest % 60); rest /= 60
        self.init(date: CivilDate(daysSinceEpoch: day), time: TimeOfDay(hour: Int(rest), minute: m, second: s, microsecond: micro))
    }
}

/// On the wire and in files a date is its ISO text, "2026-11-25", not an object of fields.
extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(isoText: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date like \"2026-11-25\", got \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoText)
    }
}
