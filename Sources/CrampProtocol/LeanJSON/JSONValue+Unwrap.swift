import FoundationEssentials

// A value as one Swift primitive, or the DecodingError JSONDecoder throws for it: null is
// "value not found", another kind "type mismatch", a number out of range "data corrupted"
// with no coding path (JSONDecoder reports it as invalid JSON, so the client's words stay the same).
// Shared by the keyed, unkeyed and single-value containers; `path` is the value's coding path.

extension JSONValue {
    func bool(at path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let b) = self else { throw mismatch(Bool.self, path()) }
        return b
    }

    func string(at path: @autoclosure () -> [any CodingKey]) throws -> String {
        if case .invalidString = self { throw JSONValue.corrupted("a string with a bad escape, invalid UTF-8 or a control character") }
        guard case .string(let s) = self else { throw mismatch(String.self, path()) }
        return s
    }

    /// What JSONDecoder throws for a bad string or key it finds only when reading it.
    static func corrupted(_ what: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON.",
                             underlyingError: JSONSyntaxError(offset: -1, expected: what)))
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at path: @autoclosure () -> [any CodingKey]) throws -> T {
        guard let converted = integer(T.self) else { throw mismatch(T.self, path()) }
        guard let v = converted else { throw unrepresentable(T.self) }
        return v
    }

    func floatingPoint<T: BinaryFloatingPoint>(_ type: T.Type, at path: @autoclosure () -> [any CodingKey]) throws -> T {
        guard let converted = double() else { throw mismatch(T.self, path()) }
        guard let d = converted, T(d).isFinite else { throw unrepresentable(T.self) }
        return T(d)
    }

    /// The error for a value of the wrong kind (null included) where `type` was expected.
    func mismatch(_ type: Any.Type, _ path: [any CodingKey]) -> DecodingError {
        if case .null = self {
            return .valueNotFound(type, .init(codingPath: path,
                debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        return .typeMismatch(type, .init(codingPath: path,
            debugDescription: "Expected to decode \(type) but found \(kindDescription) instead."))
    }

    func unrepresentable(_ type: Any.Type) -> DecodingError {
        let text: String
        switch self {
        case .integer(let v): text = "\(v)"
        case .number(let t): text = t
        default: text = kindDescription
        }
        return .dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON.",
                                    underlyingError: NumberOutOfRange(text: text, type: "\(type)")))
    }
}

/// Why a number was refused: `text` does not fit in `type` exactly.
struct NumberOutOfRange: Error, CustomStringConvertible {
    var text: String
    var type: String
    var description: String { "number \(text) does not fit in \(type)" }
}
