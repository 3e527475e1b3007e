// Keys: bare, quoted and dotted.

/// One part of a (possibly dotted) key, with its hash for `KeyIndex`.
struct KeyPart {
    var key: String
    var hash: UInt32
    /// Byte offset of the part's first byte (its opening quote, if quoted).
    var offset: Int
}

extension Parser {
    // key = simple-key / dotted-key
    // dotted-key = simple-key 1*( dot-sep simple-key )
    // dot-sep = ws %x2E ws
    /// Reads a key into `keyParts` (replacing what was there).
    mutating func parseKey(_ start: Int) throws(TOMLError) -> Int {
        keyParts.removeAll(keepingCapacity: true)
        var i = try parseSimpleKey(start)
        while true {
            let afterSpace = skipWhitespace(i)
            guard at(afterSpace) == UInt8(ascii: ".") else { return i }
            if keyParts.count >= TOML.maxDepth {
                throw TOMLError(.tooDeep, "key has more than \(TOML.maxDepth) dotted parts", at: afterSpace)
            }
            i = try parseSimpleKey(skipWhitespace(afterSpace + 1))
        }
    }

    // simple-key = quoted-key / unquoted-key
    // unquoted-key = 1*unquoted-key-char
    // unquoted-key-char = ALPHA / DIGIT / %x2D / %x5F  ; A-Z / a-z / 0-9 / - / _
    // quoted-key = basic-string / literal-string
    /// Reads one key part and appends it to `keyParts`.
    mutating func parseSimpleKey(_ start: Int) throws(TOMLError) -> Int {
        var i = start
        while i < count && isBareKeyByte(bytes[i]) { i += 1 }
        if i > start {
            let hash = KeyIndex.hash(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            keyParts.append(KeyPart(key: text(start, i), hash: hash, offset: start))
            return i
        }
        let b = at(start)
        guard b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") else {
            throw TOMLError(.syntax, "expected a key, got \(describe(start))", at: start)
        }
        if at(start + 1) == b && at(start + 2) == b {
            throw TOMLError(.syntax, "expected a key, got a multi-line string (keys are single-line strings)", at: start)
        }
        let (key, end) = b == UInt8(ascii: "\"") ? try parseBasicString(start) : try parseLiteralString(start)
        keyParts.append(KeyPart(key: key, hash: KeyIndex.hash(key), offset: start))
        return end
    }
}

@inline(__always)
func isBareKeyByte(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
         UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
        return true
    default:
        return false
    }
}
