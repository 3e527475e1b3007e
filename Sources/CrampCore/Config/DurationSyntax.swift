/// Durations, the one grammar for the config, `crampd ctl` arguments and every other text:
/// `"90s"`, `"45m"`, `"90min"`, `"1h30m"`, `"1h 30min"`, `"2d"`, `"1w"`, `"10 sec"`.
///
/// Grammar (systemd.time(7)'s spellings, a subset):
/// ```
/// duration = part *( [ws] part )
/// part     = 1*DIGIT [ws] unit
/// unit     = "w" / "week" / "weeks"
///          / "d" / "day" / "days"
///          / "h" / "hr" / "hrs" / "hour" / "hours"
///          / "m" / "min" / "mins" / "minute" / "minutes"
///          / "s" / "sec" / "secs" / "second" / "seconds"
/// ws       = 1*" "
/// ```
/// Each unit at most once and from largest to smallest, so a duration has one way to
/// be read ("1h30m", never "30m1h" or "90m30m"). Amounts may exceed their unit ("90m").
/// Units are lowercase only: systemd reads "M" as a month. Fractions, months, years and a
/// bare number are refused, so that what `check-config` prints is what was meant.
/// Every duration is at most `TimeSpan.maximum` (366 days).
public enum DurationSyntax {
    /// The example given in error messages.
    public static let example = "like \"45m\" or \"1h30m\""

    /// Why a text is not a duration.
    public enum Problem: Error, Equatable, Sendable {
        /// Not in the grammar.
        case malformed
        /// In the grammar, but longer than `TimeSpan.maximum`.
        case tooLong
    }

    /// "up to 366d": the bound, as the error messages say it.
    public static var boundText: String { "up to \(format(.maximum))" }

    /// The whole text as a duration, at most `TimeSpan.maximum`.
    public static func read(_ text: String) -> Result<TimeSpan, Problem> {
        let bytes = Array(text.utf8)
        var index = 0
        var totalSeconds: Int64 = 0
        var tooLong = false
        var lastUnitRank = Int.max   // w = 4 … s = 0; must strictly decrease
        while index < bytes.count {
            if lastUnitRank != Int.max { index = skipSpaces(bytes, index) }
            let digitsStart = index
            var amount: Int64 = 0
            while index < bytes.count, let digit = digit(bytes[index]) {
                amount = amount.saturatingMultiplied(by: 10).saturatingAdding(digit)
                index += 1
            }
            guard index > digitsStart else { return .failure(.malformed) }
            index = skipSpaces(bytes, index)
            let unitStart = index
            while index < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index]) { index += 1 }
            guard let (rank, seconds) = unit(bytes[unitStart..<index]), rank < lastUnitRank else { return .failure(.malformed) }
            lastUnitRank = rank
            totalSeconds = totalSeconds.saturatingAdding(amount.saturatingMultiplied(by: seconds))
            tooLong = tooLong || totalSeconds > maximumSeconds
        }
        if lastUnitRank == Int.max { return .failure(.malformed) }
        return tooLong ? .failure(.tooLong) : .success(.seconds(totalSeconds))
    }

    /// `nil` when `text` is not a duration within the bound.
    public static func parse(_ text: String) -> TimeSpan? { try? read(text).get() }

    /// The canonical form: "1h30m", "45m", "90s" → "1m30s", "48h" → "2d", "0s". A formatted
    /// duration of whole seconds reads back as the same value.
    public static func format(_ span: TimeSpan) -> String {
        var seconds = span.microseconds / 1_000_000
        if seconds == 0 { return "0s" }
        var text = ""
        if seconds < 0 { text = "-"; seconds = -seconds }  // never Int64.min: divided by a million
        let days = seconds / 86_400, hours = seconds % 86_400 / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60
        if days > 0 { text += "\(days)d" }
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if rest > 0 { text += "\(rest)s" }
        return text
    }

    private static let maximumSeconds = TimeSpan.maximum.microseconds / 1_000_000

    private static let units: [(names: [String], rank: Int, seconds: Int64)] = [
        (["w", "week", "weeks"], 4, 604_800),
        (["d", "day", "days"], 3, 86_400),
        (["h", "hr", "hrs", "hour", "hours"], 2, 3600),
        (["m", "min", "mins", "minute", "minutes"], 1, 60),
        (["s", "sec", "secs", "second", "seconds"], 0, 1),
    ]

    private static func unit(_ name: ArraySlice<UInt8>) -> (rank: Int, seconds: Int64)? {
        guard !name.isEmpty else { return nil }
        for unit in units where unit.names.contains(where: { $0.utf8.elementsEqual(name) }) { return (unit.rank, unit.seconds) }
        return nil
    }

    private static func skipSpaces(_ bytes: [UInt8], _ index: Int) -> Int {
        var index = index
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index
    }

    private static func digit(_ byte: UInt8) -> Int64? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
    }
}
