import FoundationEssentials

/// An object's members, looked up by key. Duplicate keys: the first one counts, as in
/// JSONDecoder. Keys compare as Swift strings (canonically equivalent text is equal), also as there.
struct LeanKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: JSONValue)]
    let codingPath: [any CodingKey]

    /// Each distinct key once, in document order; keys `Key` does not know are left out.
    var allKeys: [Key] {
        var seen: [String] = []
        return members.compactMap { m in
            guard !seen.contains(m.key) else { return nil }
            seen.append(m.key)
            return Key(stringValue: m.key)
        }
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    private func lookup(_ key: Key) -> JSONValue? {
        let name = key.stringValue
        return members.first { $0.key == name }?.value
    }

    private func require(_ key: Key) throws -> JSONValue {
        guard let v = lookup(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath,
                debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return v
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try require(key) { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try require(key).bool(at: path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try require(key).string(at: path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try require(key).floatingPoint(type, at: path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try require(key).floatingPoint(type, at: path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try require(key).integer(type, at: path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try require(key).integer(type, at: path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try require(key).integer(type, at: path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try require(key).integer(type, at: path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try require(key).integer(type, at: path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try require(key).integer(type, at: path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try require(key).integer(type, at: path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try require(key).integer(type, at: path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try require(key).integer(type, at: path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try require(key).integer(type, at: path(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try T(from: LeanDecoder(value: try require(key), codingPath: path(key)))
    }

    // Absent and null are both nil; present with another kind is still an error.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let v = lookup(key) else { return nil }
        if case .null = v { return nil }
        return try T(from: LeanDecoder(value: v, codingPath: path(key)))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try LeanDecoder(value: try require(key), codingPath: path(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try LeanDecoder(value: try require(key), codingPath: path(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        LeanDecoder(value: members.first { $0.key == "super" }?.value ?? .null, codingPath: codingPath + [LeanIndexKey.superKey])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        LeanDecoder(value: lookup(key) ?? .null, codingPath: path(key))
    }
}
