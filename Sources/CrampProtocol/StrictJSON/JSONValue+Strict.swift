/// What JSONDecoder lets through but a request must not have: it reads the first of two equal
/// keys (`"command"` twice is half-read) and turns invalid UTF-8 into U+FFFD (a `ctl set`
/// value would be stored mangled). This small parser (StrictJSON/) keeps both facts, so the daemon asks it first.
extension JSONValue {
    /// The first such problem in document order, worded for the client; nil when there is none.
    func strictnessProblem(at path: String = "") -> String? {
        func name(_ path: String) -> String { path.isEmpty ? "the request" : "\"\(path)\"" }
        switch self {
        case .null, .bool, .integer, .number, .string: return nil
        case .invalidString:
            return "expected valid UTF-8 text without control characters for \(name(path)), got invalid bytes or a bad escape"
        case .invalidObject:
            return "expected keys of valid UTF-8 text in \(name(path)), got invalid bytes or a bad escape"
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let problem = element.strictnessProblem(at: "\(path)[\(index)]") { return problem }
            }
            return nil
        case .object(let members):
            var seen = Set<String>()
            for member in members {
                guard seen.insert(member.key).inserted else {
                    return "duplicate key \"\(member.key)\" in \(name(path)); send each key once"
                }
                if let problem = member.value.strictnessProblem(at: path.isEmpty ? member.key : "\(path).\(member.key)") {
                    return problem
                }
            }
            return nil
        }
    }
}

/// The check the daemon makes of each request line before JSONDecoder reads it.
public enum StrictJSON {
    /// The problem of a text nested deeper than JSONDecoder may see: swift-foundation's
    /// scanner traps on it (in `JSONError.SourceLocation`; found by the protocol fuzzer), so
    /// such a line is refused with this and never handed to a JSONDecoder.
    public static let tooDeep = "expected at most \(JSONParser.maximumDepth) levels of nesting, got more"

    /// `JSONValue.strictnessProblem` of one JSON text, or `tooDeep`; nil also when it is
    /// not JSON at all (the decoder that reads it says why, in its usual words).
    public static func problem(in bytes: some Collection<UInt8>) -> String? {
        let value: JSONValue?
        do {
            if let parsed = try bytes.withContiguousStorageIfAvailable({ try JSONParser.parse($0) }) {
                value = parsed
            } else {
                value = try Array(bytes).withUnsafeBufferPointer { try JSONParser.parse($0) }
            }
        } catch {
            if (error as? JSONSyntaxError)?.expected == JSONParser.depthExpectation { return tooDeep }
            value = nil
        }
        return value?.strictnessProblem()
    }
}
