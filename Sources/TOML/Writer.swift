/// Writes a value tree as canonical TOML, meant to be read by people:
///
/// - a table's plain values first (`key = value`, in the table's order), then
///   its sub-tables as `[a.b]` sections and arrays of tables as `[[a.b]]`;
///   a section with no values of its own but with sub-sections gets no header;
/// - inline tables `{ … }` only where TOML requires them (inside arrays);
/// - keys bare when possible, else quoted; strings with newlines as `"""`;
/// - floats in the shortest form that reads back to the same bits (`inf`,
///   `-inf`, `nan`, `-0.0` included); times with seconds always written
///   (valid TOML 1.0 too) and a fraction of 3, 6 or 9 digits as needed;
/// - arrays on one line when short, else one element per line.
///
/// The output parses back to an equal tree under TOML 1.0 and 1.1, provided
/// the dates and times are in range (years 0000–9999 and so on).
struct Writer {
    var output = ""

    /// Arrays longer than this on one line are written one element per line.
    static let lineWidth = 80

    mutating func writeDocument(_ table: TOMLTable) {
        writeSection(table, path: [], header: nil)
    }

    private enum Header { case table, arrayElement }

    private mutating func writeSection(_ table: TOMLTable, path: [String], header: Header?) {
        let values = table.entries.filter { !Self.isSection($0.node.value) }
        if let header {
            let hasSubsections = values.count < table.count
            if header == .arrayElement || !values.isEmpty || !hasSubsections {
                if !output.isEmpty { output += "\n" }
                let name = path.map(Self.key).joined(separator: ".")
                output += header == .table ? "[\(name)]\n" : "[[\(name)]]\n"
            }
        }
        for entry in values {
            output += Self.key(entry.key)
            output += " = "
            output += Self.value(entry.node.value, indent: "", topLevel: true)
            output += "\n"
        }
        for entry in table.entries {
            switch entry.node.value {
            case .table(let sub):
                writeSection(sub, path: path + [entry.key], header: .table)
            case .array(let elements) where Self.isSection(entry.node.value):
                for element in elements {
                    guard case .table(let sub) = element.value else { continue }
                    writeSection(sub, path: path + [entry.key], header: .arrayElement)
                }
            default:
                break
            }
        }
    }

    /// Tables and non-empty arrays of only tables become sections.
    private static func isSection(_ value: TOMLValue) -> Bool {
        switch value {
        case .table: return true
        case .array(let elements):
            return !elements.isEmpty && elements.allSatisfy { if case .table = $0.value { true } else { false } }
        default: return false
        }
    }

    // MARK: Values

    /// One value on the right of `=` or inside an array; `indent` is the
    /// indentation of the line it starts on.
    static func value(_ value: TOMLValue, indent: String, topLevel: Bool = false) -> String {
        switch value {
        case .string(let s):
            return topLevel && s.utf8.contains(0x0A) ? multiLineString(s) : basicString(s)
        case .integer(let n): return String(n)
        case .float(let x): return float(x)
        case .bool(let b): return b ? "true" : "false"
        case .offsetDateTime(let d): return offsetDateTime(d)
        case .localDateTime(let d): return localDateTime(d)
        case .localDate(let d): return date(d)
        case .localTime(let t): return time(t)
        case .array(let elements): return array(elements, indent: indent)
        case .table(let table): return inlineTable(table)
        }
    }

    private static func array(_ elements: [TOMLNode], indent: String) -> String {
        if elements.isEmpty { return "[]" }
        let inner = indent + "    "
        let parts = elements.map { value($0.value, indent: inner) }
        let oneLine = "[" + parts.joined(separator: ", ") + "]"
        if indent.utf8.count + oneLine.utf8.count <= lineWidth && !oneLine.utf8.contains(0x0A) {
            return oneLine
        }
        return "[\n" + parts.map { inner + $0 + ",\n" }.joined() + indent + "]"
    }

    /// Inline tables stay on one line so that TOML 1.0 can read them.
    private static func inlineTable(_ table: TOMLTable) -> String {
        if table.isEmpty { return "{}" }
        let parts = table.entries.map { key($0.key) + " = " + inlineValue($0.node.value) }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    private static func inlineValue(_ value: TOMLValue) -> String {
        if case .array(let elements) = value {
            return "[" + elements.map { inlineValue($0.value) }.joined(separator: ", ") + "]"
        }
        return Self.value(value, indent: "")
    }

    // MARK: Keys and strings

    /// A key as written in a document: bare if it can be, else a basic string.
    static func key(_ key: String) -> String {
        if !key.isEmpty && key.utf8.allSatisfy(isBareKeyByte) { return key }
        return basicString(key)
    }

    static func basicString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: appendEscapingControls(scalar, to: &out)
            }
        }
        return out + "\""
    }

    /// `"""` with real newlines; a quote is escaped when another follows it or
    /// it ends the string, so no run of quotes can close the string early.
    static func multiLineString(_ s: String) -> String {
        var out = "\"\"\"\n"
        let scalars = Array(s.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "\"":
                out += i + 1 == scalars.count || scalars[i + 1] == "\"" ? "\\\"" : "\""
            case "\\": out += "\\\\"
            case "\n": out += "\n"
            default: appendEscapingControls(scalar, to: &out)
            }
        }
        return out + "\"\"\""
    }

    private static func appendEscapingControls(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar.value {
        case 0x08: out += "\\b"
        case 0x09: out += "\\t"
        case 0x0A: out += "\\n"
        case 0x0C: out += "\\f"
        case 0x0D: out += "\\r"
        case 0..<0x20, 0x7F: out += "\\u" + hex(scalar.value, width: 4)
        default: out.unicodeScalars.append(scalar)
        }
    }

    // MARK: Numbers, dates and times

    /// Shortest text that reads back to the same Double.
    static func float(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return x.description  // "1.0", "0.1", "1e-05", "5e+22", "-0.0": all valid TOML floats
    }

    static func date(_ d: TOMLLocalDate) -> String {
        pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2)
    }

    static func time(_ t: TOMLLocalTime) -> String {
        var out = pad(t.hour, 2) + ":" + pad(t.minute, 2) + ":" + pad(t.second, 2)
        if t.nanosecond > 0 {
            // Milli-, micro- or nanoseconds: whole groups of three digits.
            var digits = pad(t.nanosecond, 9)
            while digits.hasSuffix("000") { digits.removeLast(3) }
            out += "." + digits
        }
        return out
    }

    static func localDateTime(_ d: TOMLLocalDateTime) -> String {
        date(d.date) + "T" + time(d.time)
    }

    static func offsetDateTime(_ d: TOMLOffsetDateTime) -> String {
        let minutes = d.offsetMinutes
        if minutes == 0 { return localDateTime(d.dateTime) + "Z" }
        let sign = minutes < 0 ? "-" : "+"
        return localDateTime(d.dateTime) + sign + pad(abs(minutes) / 60, 2) + ":" + pad(abs(minutes) % 60, 2)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.utf8.count)) + digits
    }
}
