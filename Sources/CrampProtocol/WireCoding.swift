import FoundationEssentials

/// The one JSON configuration both ends use.
public enum WireCoding {
    /// Keys sorted, so the same value is always the same bytes (docs, `--json`, tests);
    /// slashes in paths stay as they are. Shared: its options never change after this,
    /// and swift-foundation's coders are safe to use from several threads.
    public static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// Requests (the daemon) and answers (the client). A hand-written decoder for the client
    /// saved 0.36 M of its 4.8 M instructions: not worth 700 lines (BENCHMARKS.md, issue 15).
    public static let decoder = JSONDecoder()

    /// `value` as one JSON line, newline included. Our own types always encode.
    public static func line(_ value: some Encodable) -> [UInt8] {
        do {
            var bytes = [UInt8](try encoder.encode(value))
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        } catch {
            preconditionFailure("BUG: failed to encode \(type(of: value)): \(error)")
        }
    }

    /// A decoding error in the words of our messages: "expected X, got Y" with the field path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the request" : "\"\(keys.joined(separator: "."))\""
        }
        switch error {
        case .typeMismatch(let type, let context):
            return context.codingPath.isEmpty
                ? "expected a JSON object, got something else"
                : "expected \(typeName(type)) for \(path(context)), got another type"
        case .valueNotFound(let type, let context):
            return "expected \(typeName(type)) for \(path(context)), got null"
        case .keyNotFound(let key, _):
            return "expected \"\(key.stringValue)\", got none"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "malformed JSON: expected one JSON object per line"
                : "expected a valid value for \(path(context)), got \(context.debugDescription)"
        @unknown default:
            return "malformed request: \(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        case is [String].Type: "an array of strings"
        default: "\(type)"
        }
    }
}
