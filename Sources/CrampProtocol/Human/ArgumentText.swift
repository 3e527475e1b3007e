import CrampCore

/// Parsing of the human arguments of `crampd ctl` (durations, times) into protocol values.
/// Errors read "expected X, got Y".
public enum ArgumentText {
    /// "90s", "10m", "10min", "1h30m", "1h 30min", "2d": one or more number-unit pairs.
    /// A bare number is refused: minutes or seconds would be a guess.
    public static func duration(_ text: String) throws(ArgumentError) -> TimeSpan {
        let fail = ArgumentError("expected a duration like \"10m\", \"90s\" or \"1h30m\", got \"\(text)\"")
        var total: Int64 = 0
        var rest = Substring(text)
        rest = rest.drop { $0 == " " }
        guard !rest.isEmpty else { throw fail }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let number = Int64(digits) else { throw fail }
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count).drop { $0 == " " }
            let seconds: Int64
            switch unit.lowercased() {
            case "s", "sec", "secs", "second", "seconds": seconds = 1
            case "m", "min", "mins", "minute", "minutes": seconds = 60
            case "h", "hr", "hrs", "hour", "hours": seconds = 3600
            case "d", "day", "days": seconds = 86_400
            default: throw fail
            }
            total += number * seconds
        }
        guard total > 0, total <= 366 * 86_400 else { throw fail }
        return .seconds(total)
    }

    /// "18:00" (the next 18:00 in `zone`, today or tomorrow), "2026-11-26 08:00" or
    /// "2026-11-26T08:00", seconds optional. A time the clock skips (DST) means the moment
    /// of the jump; a time it shows twice means the first.
    public static func time(_ text: String, now: Instant, zone: Zone) throws(ArgumentError) -> Instant {
        let fail = ArgumentError("expected a time like \"18:00\" or \"2026-11-26 08:00\", got \"\(text)\"")
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        let today = zone.localDateTime(at: now).date
        switch parts.count {
        case 1:
            guard let time = timeOfDay(parts[0]) else { throw fail }
            let candidate = resolve(LocalDateTime(date: today, time: time), zone)
            return candidate > now ? candidate : resolve(LocalDateTime(date: today.adding(days: 1), time: time), zone)
        case 2:
            guard let date = civilDate(parts[0]), let time = timeOfDay(parts[1]) else { throw fail }
            let instant = resolve(LocalDateTime(date: date, time: time), zone)
            guard instant > now else {
                throw ArgumentError("expected a time in the future, got \"\(text)\"")
            }
            return instant
        default:
            throw fail
        }
    }

    private static func resolve(_ local: LocalDateTime, _ zone: Zone) -> Instant {
        switch zone.resolve(local) {
        case .unique(let t): t
        case .gap(let transition): transition
        case .repeated(let earlier, _): earlier
        }
    }

    /// HH:MM[:SS]
    private static func timeOfDay(_ s: Substring) -> TimeOfDay? {
        let f = s.split(separator: ":", omittingEmptySubsequences: false)
        guard f.count == 2 || f.count == 3, f.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let h = Int(f[0]), let m = Int(f[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        let sec = f.count == 3 ? Int(f[2]) : 0
        guard let sec, (0...59).contains(sec) else { return nil }
        return TimeOfDay(hour: h, minute: m, second: sec)
    }

    /// YYYY-MM-DD
    private static func civilDate(_ s: Substring) -> CivilDate? {
        let f = s.split(separator: "-", omittingEmptySubsequences: false)
        guard f.count == 3, f[0].count == 4, f[1].count == 2, f[2].count == 2,
              let y = Int(f[0]), let m = Int(f[1]), let d = Int(f[2]), (1...12).contains(m),
              (1...CivilDate.daysInMonth(year: y, month: m)).contains(d) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}

/// A command-line argument that does not parse; the message says what was expected.
public struct ArgumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
