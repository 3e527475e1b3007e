/// Durations as written in the config: `"90s"`, `"45m"`, `"1h30m"`, `"1h 30m"`.
///
/// Grammar (whitespace allowed only between parts):
/// ```
/// duration = part *( [ws] part )
/// part     = 1*DIGIT unit
/// unit     = "h" / "m" / "s"
/// ```
/// Each unit at most once and from largest to smallest, so a duration has
/// one way to be read ("1h30m", never "30m1h" or "90m30m"). Amounts may
/// exceed their unit ("90m" is fine). Longer unit names and fractions are
/// refused so that what `check-config` prints is what was meant.
public enum DurationSyntax {
    /// The example given in error messages.
    public static let example = "like \"45m\" or \"1h30m\""

    /// `nil` when `text` does not follow the grammar.
    public static func parse(_ text: String) -> TimeSpan? {
        let bytes = Array(text.utf8)
        var index = 0
        var total: Int64 = 0
        var lastUnitRank = Int.max   // h = 2, m = 1, s = 0; must strictly decrease
        var parts = 0
        while index < bytes.count {
            if parts > 0 { while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 } }
            let digitsStart = index
            var amount: Int64 = 0
            while index < bytes.count, let digit = Self.digit(bytes[index]) {
                let (times10, overflow1) = amount.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(digit)
                if overflow1 || overflow2 { return nil }
                amount = sum
                index += 1
            }
            guard index > digitsStart, index < bytes.count else { return nil }
            let (rank, seconds): (Int, Int64)
            switch bytes[index] {
            case UInt8(ascii: "h"): (rank, seconds) = (2, 3600)
            case UInt8(ascii: "m"): (rank, seconds) = (1, 60)
            case UInt8(ascii: "s"): (rank, seconds) = (0, 1)
            default: return nil
            }
            guard rank < lastUnitRank else { return nil }
            lastUnitRank = rank
            index += 1
            let (partSeconds, overflow3) = amount.multipliedReportingOverflow(by: seconds)
            let (sum, overflow4) = total.addingReportingOverflow(partSeconds)
            // Keep the microsecond value representable too.
            if overflow3 || overflow4 || sum > Int64.max / 1_000_000 { return nil }
            total = sum
            parts += 1
        }
        return parts > 0 ? .seconds(total) : nil
    }

    /// The canonical form: "1h30m", "45m", "90s" → "1m30s", "0s".
    public static func format(_ span: TimeSpan) -> String {
        var seconds = span.microseconds / 1_000_000
        if seconds == 0 { return "0s" }
        var text = ""
        if seconds < 0 { text = "-"; seconds = -seconds }
        let hours = seconds / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if rest > 0 { text += "\(rest)s" }
        return text
    }

    private static func digit(_ byte: UInt8) -> Int64? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
    }
}
