/// JSON text (RFC 8259) to a `JSONValue`, accepting exactly what swift-foundation's
/// JSONDecoder accepts, so the two can be swapped: a leading UTF-8 BOM and a trailing comma
/// in arrays and objects are allowed; nesting deeper than 512 is refused, like Darwin's
/// JSONSerialization, which also keeps the recursion far from the stack's end.
///
/// Each grammar rule is one function that takes the position to start at and returns the
/// position after what it read.
struct JSONParser {
    static let maximumDepth = 512
    static let depthExpectation = "at most 512 levels of nesting"

    let bytes: UnsafeBufferPointer<UInt8>

    /// The whole input: one value between optional whitespace, nothing after it.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        let p = JSONParser(bytes: bytes)
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        let (value, end) = try p.value(at: p.skipWhitespace(i), depth: 0)
        let rest = p.skipWhitespace(end)
        guard rest == bytes.count else { throw JSONSyntaxError(offset: rest, expected: "the end of the line") }
        return value
    }

    // ws = *( %x20 / %x09 / %x0A / %x0D )
    func skipWhitespace(_ start: Int) -> Int {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return i
            }
        }
        return i
    }

    // value = false / null / true / object / array / number / string
    func value(at i: Int, depth: Int) throws(JSONSyntaxError) -> (JSONValue, Int) {
        guard i < bytes.count else { throw JSONSyntaxError(offset: i, expected: "a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(at: i, depth: depth + 1)
        case UInt8(ascii: "["): return try array(at: i, depth: depth + 1)
        case UInt8(ascii: "\""):
            let (s, end) = try string(at: i)
            return (s.map(JSONValue.string) ?? .invalidString, end)
        case UInt8(ascii: "t"): return (.bool(true), try literal("true", at: i))
        case UInt8(ascii: "f"): return (.bool(false), try literal("false", at: i))
        case UInt8(ascii: "n"): return (.null, try literal("null", at: i))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number(at: i)
        default: throw JSONSyntaxError(offset: i, expected: "a value")
        }
    }

    func literal(_ word: StaticString, at start: Int) throws(JSONSyntaxError) -> Int {
        let count = word.utf8CodeUnitCount
        guard start + count <= bytes.count else { throw JSONSyntaxError(offset: start, expected: "\(word)") }
        for k in 0..<count where bytes[start + k] != word.utf8Start[k] {
            throw JSONSyntaxError(offset: start + k, expected: "\(word)")
        }
        return start + count
    }

    // object = begin-object [ member *( value-separator member ) ] end-object
    // member = string name-separator value   (a comma before '}' is allowed, as JSONDecoder does)
    func object(at start: Int, depth: Int) throws(JSONSyntaxError) -> (JSONValue, Int) {
        guard depth <= Self.maximumDepth else { throw JSONSyntaxError(offset: start, expected: Self.depthExpectation) }
        var members: [(key: String, value: JSONValue)] = []
        var keysValid = true
        var i = skipWhitespace(start + 1)
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return (.object(members), i + 1) }
        while true {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw JSONSyntaxError(offset: i, expected: "a key") }
            let (key, afterKey) = try string(at: i)
            i = skipWhitespace(afterKey)
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw JSONSyntaxError(offset: i, expected: "':'") }
            let (member, afterValue) = try value(at: skipWhitespace(i + 1), depth: depth)
            if let key { members.append((key, member)) } else { keysValid = false }
            i = skipWhitespace(afterValue)
            guard i < bytes.count else { throw JSONSyntaxError(offset: i, expected: "',' or '}'") }
            switch bytes[i] {
            case UInt8(ascii: "}"): return (keysValid ? .object(members) : .invalidObject, i + 1)
            case UInt8(ascii: ","):
                i = skipWhitespace(i + 1)
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return (keysValid ? .object(members) : .invalidObject, i + 1) }
            default: throw JSONSyntaxError(offset: i, expected: "',' or '}'")
            }
        }
    }

    // array = begin-array [ value *( value-separator value ) ] end-array   (trailing comma allowed)
    func array(at start: Int, depth: Int) throws(JSONSyntaxError) -> (JSONValue, Int) {
        guard depth <= Self.maximumDepth else { throw JSONSyntaxError(offset: start, expected: Self.depthExpectation) }
        var elements: [JSONValue] = []
        var i = skipWhitespace(start + 1)
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { return (.array(elements), i + 1) }
        while true {
            let (element, after) = try value(at: i, depth: depth)
            elements.append(element)
            i = skipWhitespace(after)
            guard i < bytes.count else { throw JSONSyntaxError(offset: i, expected: "',' or ']'") }
            switch bytes[i] {
            case UInt8(ascii: "]"): return (.array(elements), i + 1)
            case UInt8(ascii: ","):
                i = skipWhitespace(i + 1)
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { return (.array(elements), i + 1) }
            default: throw JSONSyntaxError(offset: i, expected: "',' or ']'")
            }
        }
    }

    // number = [ minus ] int [ frac ] [ exp ]   (checked when read as a number: see JSONNumberText)
    // Like JSONDecoder, take the whole run of number characters now and check its grammar only
    // when a type reads it, so a malformed number in a field nobody reads is no error.
    func number(at start: Int) throws(JSONSyntaxError) -> (JSONValue, Int) {
        var i = start
        while i < bytes.count, JSONNumberText.isNumberByte(bytes[i]) { i += 1 }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<i])
        // The common case, a plain integer: accumulate it here, without a String.
        if let v = JSONNumberText.plainInt64(text) { return (.integer(v), i) }
        return (.number(String(decoding: text, as: UTF8.self)), i)
    }

    // string = quotation-mark *char quotation-mark; escapes \" \\ \/ \b \f \n \r \t \uXXXX,
    // a surrogate pair as two \u escapes; raw bytes must be valid UTF-8 and not control characters.
    // Only the end is found strictly (a backslash hides the byte after it); the text is nil
    // when the rest is broken, which JSONDecoder reports only when the string is read.
    func string(at start: Int) throws(JSONSyntaxError) -> (String?, Int) {
        var i = start + 1
        var escaped = false
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\") { escaped = true; i += 1 }
            i += 1
        }
        guard i < bytes.count else { throw JSONSyntaxError(offset: start, expected: "a closing '\"'") }
        let raw = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<i])
        return (escaped ? unescape(raw) : plain(raw), i + 1)
    }

    /// Text without escapes: the bytes themselves, if valid UTF-8 without control characters.
    func plain(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        guard !raw.contains(where: { $0 < 0x20 }) else { return nil }
        return String(validating: raw, as: UTF8.self)
    }

    func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var text: [UInt8] = []
        text.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            guard b >= 0x20 else { return nil }
            guard b == UInt8(ascii: "\\") else { text.append(b); i += 1; continue }
            guard i + 1 < raw.count else { return nil }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(e)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                guard let (scalar, end) = unicodeEscape(raw, at: i) else { return nil }
                text.append(contentsOf: UTF8.encode(scalar)!)
                i = end
            default: return nil
            }
        }
        return String(validating: text, as: UTF8.self)
    }

    /// The XXXX after `\u` at `start`, and for a high surrogate the `\uXXXX` low one after it.
    func unicodeEscape(_ raw: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        guard let high = hex4(raw, at: start) else { return nil }
        if let scalar = Unicode.Scalar(high) { return (scalar, start + 4) }
        guard (0xD800...0xDBFF).contains(high), start + 10 <= raw.count,
              raw[start + 4] == UInt8(ascii: "\\"), raw[start + 5] == UInt8(ascii: "u"),
              let low = hex4(raw, at: start + 6), (0xDC00...0xDFFF).contains(low) else { return nil }
        return (Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!, start + 10)
    }

    func hex4(_ raw: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32? {
        guard start + 4 <= raw.count else { return nil }
        var v: UInt32 = 0
        for k in start..<(start + 4) {
            let b = raw[k]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }
}
