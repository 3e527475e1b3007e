// toml-test decoder: TOML on stdin, tagged JSON on stdout (see
// ../shared/toml-test/FORMAT.md). `--toml 1.0` or `--toml 1.1` (default).
// Invalid TOML: the rendered error on stderr, exit status 1.
import Glibc
import TOML

/// Reads all of standard input as bytes.
func readStandardInput() -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return bytes
}

func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

/// A JSON string literal; non-ASCII text is written as UTF-8.
func json(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let digits = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

func pad(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

func date(_ d: TOMLLocalDate) -> String { "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))" }

func time(_ t: TOMLLocalTime) -> String {
    var out = "\(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2))"
    if t.nanosecond > 0 {
        var fraction = pad(t.nanosecond, 9)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        out += "." + fraction
    }
    return out
}

func tagged(_ type: String, _ value: String) -> String {
    "{\"type\":\"\(type)\",\"value\":\(json(value))}"
}

func encode(_ value: TOMLValue, into out: inout String) {
    switch value {
    case .string(let s): out += tagged("string", s)
    case .integer(let n): out += tagged("integer", String(n))
    case .float(let x):
        let text = x.isNaN ? "nan" : x.isInfinite ? (x < 0 ? "-inf" : "inf") : x.description
        out += tagged("float", text)
    case .bool(let b): out += tagged("bool", b ? "true" : "false")
    case .offsetDateTime(let d):
        let m = d.offsetMinutes
        let offset = m == 0 ? "Z" : (m < 0 ? "-" : "+") + pad(abs(m) / 60, 2) + ":" + pad(abs(m) % 60, 2)
        out += tagged("datetime", date(d.dateTime.date) + "T" + time(d.dateTime.time) + offset)
    case .localDateTime(let d): out += tagged("datetime-local", date(d.date) + "T" + time(d.time))
    case .localDate(let d): out += tagged("date-local", date(d))
    case .localTime(let t): out += tagged("time-local", time(t))
    case .array(let elements):
        out += "["
        for (i, element) in elements.enumerated() {
            if i > 0 { out += "," }
            encode(element.value, into: &out)
        }
        out += "]"
    case .table(let table):
        out += "{"
        for (i, entry) in table.entries.enumerated() {
            if i > 0 { out += "," }
            out += json(entry.key) + ":"
            encode(entry.node.value, into: &out)
        }
        out += "}"
    }
}

var version = TOMLVersion.v1_1
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--toml":
        switch arguments.popFirst() {
        case "1.0", "1.0.0": version = .v1_0
        case "1.1", "1.1.0": version = .v1_1
        default:
            writeStandardError("usage: toml-test-decoder [--toml 1.0|1.1]\n")
            exit(2)
        }
    default:
        writeStandardError("usage: toml-test-decoder [--toml 1.0|1.1]\n")
        exit(2)
    }
}

let input = readStandardInput()
do throws(TOMLError) {
    let table = try TOML.parse(input, version: version)
    var out = ""
    encode(.table(table), into: &out)
    print(out)
} catch {
    writeStandardError(error.rendered(in: SourceText(name: "<stdin>", bytes: input)) + "\n")
    exit(1)
}
