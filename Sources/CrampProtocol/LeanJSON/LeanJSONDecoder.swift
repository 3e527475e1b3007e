import FoundationEssentials

/// A small JSON `Decoder` for the control protocol: same results as JSONDecoder for our types,
/// values and errors alike, at a fraction of the start-up cost of a one-shot `crampd ctl`.
///
/// Why: JSONDecoder is general (dates, data, dictionaries keyed by strings, strategies), so each
/// new type it meets costs dynamic casts, i.e. scans of the binary's protocol conformances, and
/// its code is pages faulted in from a 34 MB binary. This one only parses into a `JSONValue` and
/// hands values to the types' own `init(from:)`: no casts, no options.
public enum LeanJSONDecoder {
    /// Decodes `type` from one JSON text; malformed JSON is `DecodingError.dataCorrupted` with
    /// an empty coding path, like JSONDecoder.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        let root = try parse(bytes)
        return try T(from: LeanDecoder(value: root, codingPath: []))
    }

    // No Result<JSONValue, JSONSyntaxError> here: its metadata is built from a mangled name at
    // run time, and checking `Failure: Error` scans the binary's conformances (~190k instructions).
    static func parse(_ bytes: some Collection<UInt8>) throws(DecodingError) -> JSONValue {
        do {
            if let value = try bytes.withContiguousStorageIfAvailable({ try JSONParser.parse($0) }) { return value }
            return try Array(bytes).withUnsafeBufferPointer { try JSONParser.parse($0) }
        } catch let error as JSONSyntaxError {
            throw error.decodingError
        } catch {
            preconditionFailure("BUG: the JSON parser threw \(error)")
        }
    }
}

/// One value being decoded, with its coding path.
final class LeanDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, codingPath: [any CodingKey]) { self.value = value; self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if case .invalidObject = value { throw JSONValue.corrupted("keys that are valid strings") }
        guard case .object(let members) = value else { throw value.mismatch([String: Any].self, codingPath) }
        return KeyedDecodingContainer(LeanKeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw value.mismatch([Any].self, codingPath) }
        return LeanUnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        LeanSingleValueContainer(value: value, codingPath: codingPath)
    }
}
