// Keys: bare, quoted and dotted.

/// One part of a (possibly dotted) key, with its hash for `HashSlots`.
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
        while !keyParts.isEmpty { keyParts.removeLast() }  // cheaper than removeAll for 1–3 parts
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
        var hash = HashSlots.initialHash
        while i < count {
            let b = bytes[i]
            guard isBareKeyByte(b) else { break }
            hash = HashSlots.combine(hash, b)
            i += 1
        }
        if i > start {
            keyParts.append(KeyPart(key: text(start, i), hash: hash, offset: start))
            return i
        }
        let b = at(start)
        guard b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") else {
            throw expected("a key", at: start)
        }
        if at(start + 1) == b && at(start + 2) == b {
            throw TOMLError(.syntax, "expected a key, got a multi-line string (keys are single-line strings)", at: start)
        }
        let (key, end) = b == UInt8(ascii: "\"") ? try parseBasicString(start) : try parseLiteralString(start)
        keyParts.append(KeyPart(key: key, hash: HashSlots.hash(key), offset: start))
        return end
    }
}

/// A-Z a-z 0-9 - _ as bit sets over bytes 0–63 and 64–127: one shift and
/// mask per byte instead of a chain of range checks.
@inline(__always)
func isBareKeyByte(_ b: UInt8) -> Bool {
    let low: UInt64 = 0x03FF_2000_0000_0000  // '-' (45), '0'-'9' (48-57)
    let high: UInt64 = 0x07FF_FFFE_87FF_FFFE  // 'A'-'Z' (65-90), '_' (95), 'a'-'z' (97-122)
    if b < 64 { return low >> UInt64(b) & 1 != 0 }
    if b < 128 { return high >> UInt64(b - 64) & 1 != 0 }
    return false
}
