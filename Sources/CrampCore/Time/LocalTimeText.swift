/// The one parser of local dates and times as people type them: `crampd ctl pause --until`,
/// `--base-time` of `check-config` and `calendar`, `export --since`, and dates on the wire.
///
/// ```
/// moment  = [ day ( " " / "T" ) ] time     ; "18:00", "tomorrow 08:00", "mon 08:00", "2026-12-07T08:00"
/// day     = date / "today" / "tomorrow" / weekday
/// date    = 4DIGIT "-" 2DIGIT "-" 2DIGIT  ; a real date, "2026-12-07"
/// time    = TimeSyntax's time              ; "08:00", "8:00", "08:00:30"
/// weekday = "mon" / "monday" / … / "sun" / "sunday"   ; any case
/// ```
/// Pure: `now` and the zone are passed in.
public enum LocalTimeText {
    public static let example = "like \"18:00\", \"tomorrow 08:00\", \"mon 08:00\" or \"2026-12-07 08:00\""

    /// A moment that was read: where it lands, and on which local date.
    public struct Moment: Equatable, Sendable {
        public var instant: Instant
        public var local: LocalDateTime
    }

    public enum Problem: Error, Equatable, Sendable {
        /// Not in the grammar.
        case malformed
        /// A named date and time that is not after `now`.
        case past
    }

    /// The next instant `text` names after `now` in `zone`. A bare time or a weekday means
    /// the next one (today, tomorrow or later this week); `today`, `tomorrow` and dates are
    /// exactly that day and must lie ahead. A time the clock skips (DST) means the moment of
    /// the jump; a time it shows twice means the first.
    public static func moment(_ text: String, now: Instant, zone: Zone) -> Result<Moment, Problem> {
        let (dayText, timeText) = split(text)
        guard let time = TimeSyntax.parseTime(timeText) else { return .failure(.malformed) }
        let today = zone.localDateTime(at: now).date
        func at(_ date: CivilDate) -> Moment {
            let local = LocalDateTime(date: date, time: time)
            return Moment(instant: earliest(local, zone), local: local)
        }
        func ahead(_ moment: Moment) -> Result<Moment, Problem> { moment.instant > now ? .success(moment) : .failure(.past) }
        guard let dayText else {
            let candidate = at(today)
            return .success(candidate.instant > now ? candidate : at(today.adding(days: 1)))
        }
        switch dayText.lowercased() {
        case "today": return ahead(at(today))
        case "tomorrow": return ahead(at(today.adding(days: 1)))
        case let name:
            if let weekday = TimeSyntax.weekday(name) {
                let offset = (weekday.rawValue - today.weekday.rawValue + 7) % 7
                let candidate = at(today.adding(days: offset))
                return .success(candidate.instant > now ? candidate : at(today.adding(days: offset + 7)))
            }
            guard let date = date(dayText) else { return .failure(.malformed) }
            return ahead(at(date))
        }
    }

    /// Exactly a date and a time, "2026-03-29 01:00:00" or "2026-03-29T01:00" (no words:
    /// for a planning base time, which has no `now`).
    public static func localDateTime(_ text: String) -> LocalDateTime? {
        let (dayText, timeText) = split(text)
        guard let dayText, let date = date(dayText), let time = TimeSyntax.parseTime(timeText) else { return nil }
        return LocalDateTime(date: date, time: time)
    }

    /// Exactly "YYYY-MM-DD" naming a real date.
    public static func date(_ text: some StringProtocol) -> CivilDate? {
        let f = text.split(separator: "-", omittingEmptySubsequences: false)
        guard f.count == 3, f[0].utf8.count == 4, f[1].utf8.count == 2, f[2].utf8.count == 2,
              f.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let y = Int(f[0]), let m = Int(f[1]), let d = Int(f[2]), (1...12).contains(m),
              (1...CivilDate.daysInMonth(year: y, month: m)).contains(d) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    /// "today" or "tomorrow" for an instant on those local dates, else nil: said in answers,
    /// so that "--until 18:00" at 18:20 does not silently mean tomorrow.
    public static func relativeDay(of instant: Instant, now: Instant, zone: Zone) -> String? {
        let today = zone.localDateTime(at: now).date
        switch zone.localDateTime(at: instant).date {
        case today: return "today"
        case today.adding(days: 1): return "tomorrow"
        default: return nil
        }
    }

    /// The day part (before the space, or before the "T" of an ISO date-time) and the time part.
    private static func split(_ text: String) -> (day: Substring?, time: String) {
        if let space = text.firstIndex(of: " ") {
            return (text[..<space], String(text[text.index(after: space)...]))
        }
        let isoDate = text.utf8.count > 11 ? text.utf8.index(text.utf8.startIndex, offsetBy: 10) : nil
        if let isoDate, text.utf8[isoDate] == UInt8(ascii: "T") {
            return (text[..<isoDate], String(text[text.utf8.index(after: isoDate)...]))
        }
        return (nil, text)
    }

    private static func earliest(_ local: LocalDateTime, _ zone: Zone) -> Instant {
        switch zone.resolve(local) {
        case .unique(let t): t
        case .gap(let transition): transition
        case .repeated(let earlier, _): earlier
        }
    }
}
