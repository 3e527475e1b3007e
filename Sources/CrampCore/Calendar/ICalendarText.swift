/// The text rules of iCalendar (RFC 5545 §3.1, §3.3.11): content lines end in CRLF and are
/// folded at 75 octets (a continuation starts with one space, never inside a UTF-8 character),
/// and TEXT values escape backslash, semicolon, comma and newline.
public enum ICalendarText {
    /// A TEXT value: `\` `;` `,` escaped with a backslash, a newline as `\n`.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": break
            default:
                // Other control characters are not allowed in TEXT.
                if scalar.value < 0x20 && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line, folded so no physical line is longer than 75 octets, with its CRLF.
    public static func folded(_ line: String) -> String {
        var out: [UInt8] = []
        var width = 0
        for scalar in line.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if width + bytes.count > 75 {
                out += [0x0D, 0x0A, 0x20]
                width = 1
            }
            out += bytes
            width += bytes.count
        }
        out += [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }

    /// A parameter value (`TZID=…`): quoted when it holds `:`, `;` or `,`.
    public static func parameter(_ value: String) -> String {
        value.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"" + value.filter { $0 != "\"" } + "\"" : value
    }

    /// "20261125T140307Z"
    public static func utc(_ instant: Instant) -> String {
        local(Zone.utc.localDateTime(at: instant)) + "Z"
    }

    /// "20261125T140307" (a local DATE-TIME, with a TZID beside it)
    public static func local(_ l: LocalDateTime) -> String {
        pad(l.date.year, 4) + pad(l.date.month, 2) + pad(l.date.day, 2) + "T" + pad(l.time.hour, 2) + pad(l.time.minute, 2) + pad(l.time.second, 2)
    }

    /// "+0100", "-0330" (UTC-OFFSET)
    public static func offset(_ seconds: Int) -> String {
        let s = abs(seconds)
        return (seconds < 0 ? "-" : "+") + pad(s / 3600, 2) + pad(s / 60 % 60, 2) + (s % 60 == 0 ? "" : pad(s % 60, 2))
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
