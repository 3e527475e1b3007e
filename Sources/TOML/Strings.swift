// The four string forms. Strings without escapes are built straight from the
// document's bytes; the others are decoded into the parser's scratch buffer.

extension Parser {
    // string = ml-basic-string / basic-string / ml-literal-string / literal-string
    /// A string value starting at a quote.
    mutating func parseString(_ start: Int) throws(TOMLError) -> (String, Int) {
        if bytes[start] == UInt8(ascii: "\"") {
            if at(start + 1) == UInt8(ascii: "\"") && at(start + 2) == UInt8(ascii: "\"") {
                return try parseMultiLineBasicString(start)
            }
            return try parseBasicString(start)
        }
        if at(start + 1) == UInt8(ascii: "'") && at(start + 2) == UInt8(ascii: "'") {
            return try parseMultiLineLiteralString(start)
        }
        return try parseLiteralString(start)
    }

    // basic-string = quotation-mark *basic-char quotation-mark
    // basic-char = basic-unescaped / escaped
    // basic-unescaped = wschar / %x21 / %x23-5B / %x5D-7E / non-ascii
    mutating func parseBasicString(_ start: Int) throws(TOMLError) -> (String, Int) {
        var i = start + 1
        // Fast path: no escapes, the string is a slice of the document.
        while i < count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                return (text(start + 1, i), i + 1)
            } else if b == UInt8(ascii: "\\") {
                break
            } else if b >= 0x20 && b < 0x7F || b == 0x09 {
                i += 1
            } else if b >= 0x80 {
                i += try utf8Scalar(at: i)
            } else {
                throw stringCharacterError(i, closing: "'\"'")
            }
        }
        if i >= count { throw stringCharacterError(i, closing: "'\"'") }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start + 1..<i]))
        while i < count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                return (String(decoding: scratch, as: UTF8.self), i + 1)
            } else if b == UInt8(ascii: "\\") {
                i = try parseEscape(i)
            } else if b >= 0x20 && b < 0x7F || b == 0x09 {
                scratch.append(b)
                i += 1
            } else if b >= 0x80 {
                let length = try utf8Scalar(at: i)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<i + length]))
                i += length
            } else {
                throw stringCharacterError(i, closing: "'\"'")
            }
        }
        throw stringCharacterError(i, closing: "'\"'")
    }

    /// A byte that cannot appear in a string: the string is unterminated
    /// (line or file ends) or holds a control character.
    @inline(never)
    func stringCharacterError(_ i: Int, closing: String) -> TOMLError {
        if i >= count || newline(i) != nil {
            return TOMLError(.syntax, "expected \(closing) to close the string, got \(describe(i))", at: i)
        }
        return TOMLError(.encoding, "\(describe(i)) is not allowed in a string; write it as an escape", at: i)
    }

    // escaped = escape escape-seq-char
    // escape-seq-char = %x22 / %x5C / %x62 / %x66 / %x6E / %x72 / %x74
    //                 / %x75 4HEXDIG / %x55 8HEXDIG
    //                 / %x65 / %x78 2HEXDIG          ; TOML 1.1: \e, \xHH
    /// Decodes the escape at the backslash at `start` into `scratch`.
    mutating func parseEscape(_ start: Int) throws(TOMLError) -> Int {
        let c = at(start + 1)
        switch c {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "e") where version == .v1_1: scratch.append(0x1B)
        case UInt8(ascii: "u"): return try parseUnicodeEscape(start, digits: 4)
        case UInt8(ascii: "U"): return try parseUnicodeEscape(start, digits: 8)
        case UInt8(ascii: "x") where version == .v1_1: return try parseUnicodeEscape(start, digits: 2)
        default:
            let known = version == .v1_1
                ? "\\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH \\UHHHHHHHH"
                : "\\b \\t \\n \\f \\r \\\" \\\\ \\uHHHH \\UHHHHHHHH"
            throw TOMLError(.syntax, "expected an escape sequence (\(known)) after '\\', got \(describe(start + 1))", at: start + 1)
        }
        return start + 2
    }

    /// `\xHH`, `\uHHHH` or `\UHHHHHHHH` at the backslash at `start`.
    mutating func parseUnicodeEscape(_ start: Int, digits: Int) throws(TOMLError) -> Int {
        var value: UInt32 = 0
        var i = start + 2
        while i < start + 2 + digits {
            guard let digit = hexDigitValue(at(i)) else {
                throw TOMLError(.syntax, "expected \(digits) hexadecimal digits after '\(text(start, start + 2))', got \(describe(i))", at: i)
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw TOMLError(.invalidValue, "escape '\(text(start, i))' is not a Unicode scalar value (surrogates and values above 10FFFF are not)", at: start)
        }
        appendUTF8(scalar)
        return i
    }

    mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | v >> 6))
            scratch.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | v >> 12))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | v >> 18))
            scratch.append(UInt8(0x80 | v >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    // ml-basic-string = ml-basic-string-delim [ newline ] ml-basic-body ml-basic-string-delim
    // ml-basic-body = *mlb-content *( mlb-quotes 1*mlb-content ) [ mlb-quotes ]
    // mlb-content = mlb-char / newline / mlb-escaped-nl
    // mlb-escaped-nl = escape ws newline *( wschar / newline )
    mutating func parseMultiLineBasicString(_ start: Int) throws(TOMLError) -> (String, Int) {
        var i = start + 3
        if let next = newline(i) { i = next }  // a newline right after the delimiter is trimmed
        scratch.removeAll(keepingCapacity: true)
        while i < count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                var quotes = 1
                while at(i + quotes) == UInt8(ascii: "\"") { quotes += 1 }
                if quotes >= 3 {
                    // Up to two quotes may sit right before the closing delimiter.
                    if quotes > 5 {
                        throw TOMLError(.syntax, "expected at most 5 '\"' at the end of a multi-line string, got \(quotes)", at: i)
                    }
                    for _ in 0..<quotes - 3 { scratch.append(0x22) }
                    return (String(decoding: scratch, as: UTF8.self), i + quotes)
                }
                for _ in 0..<quotes { scratch.append(0x22) }
                i += quotes
            } else if b == UInt8(ascii: "\\") {
                let afterSpace = skipWhitespace(i + 1)
                if newline(afterSpace) != nil {
                    // Line-ending backslash: drop it and all whitespace up to the next text.
                    i = try skipWhitespaceAndNewlines(afterSpace)
                } else {
                    i = try parseEscape(i)
                }
            } else if b >= 0x20 && b < 0x7F || b == 0x09 || b == 0x0A {
                scratch.append(b)
                i += 1
            } else if b == 0x0D && at(i + 1) == 0x0A {
                scratch.append(0x0A)  // CRLF is read as LF, as most readers do
                i += 2
            } else if b >= 0x80 {
                let length = try utf8Scalar(at: i)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<i + length]))
                i += length
            } else {
                throw multiLineCharacterError(i, closing: "'\"\"\"'")
            }
        }
        throw multiLineCharacterError(i, closing: "'\"\"\"'")
    }

    func skipWhitespaceAndNewlines(_ start: Int) throws(TOMLError) -> Int {
        var i = start
        while true {
            i = skipWhitespace(i)
            guard let next = newline(i) else { return i }
            i = next
        }
    }

    @inline(never)
    func multiLineCharacterError(_ i: Int, closing: String) -> TOMLError {
        if i >= count {
            return TOMLError(.syntax, "expected \(closing) to close the multi-line string, got end of file", at: i)
        }
        return TOMLError(.encoding, "\(describe(i)) is not allowed in a string; write it as an escape", at: i)
    }

    // literal-string = apostrophe *literal-char apostrophe
    // literal-char = %x09 / %x20-26 / %x28-7E / non-ascii
    mutating func parseLiteralString(_ start: Int) throws(TOMLError) -> (String, Int) {
        var i = start + 1
        while i < count {
            let b = bytes[i]
            if b == UInt8(ascii: "'") {
                return (text(start + 1, i), i + 1)
            } else if b >= 0x20 && b < 0x7F || b == 0x09 {
                i += 1
            } else if b >= 0x80 {
                i += try utf8Scalar(at: i)
            } else {
                break
            }
        }
        throw stringCharacterError(i, closing: "\"'\"")
    }

    // ml-literal-string = ml-literal-string-delim [ newline ] ml-literal-body ml-literal-string-delim
    // ml-literal-body = *mll-content *( mll-quotes 1*mll-content ) [ mll-quotes ]
    // mll-content = %x09 / %x20-7E / non-ascii / newline
    mutating func parseMultiLineLiteralString(_ start: Int) throws(TOMLError) -> (String, Int) {
        var i = start + 3
        if let next = newline(i) { i = next }
        let bodyStart = i
        var sawCRLF = false
        while i < count {
            let b = bytes[i]
            if b == UInt8(ascii: "'") {
                var quotes = 1
                while at(i + quotes) == UInt8(ascii: "'") { quotes += 1 }
                if quotes >= 3 {
                    if quotes > 5 {
                        throw TOMLError(.syntax, "expected at most 5 \"'\" at the end of a multi-line string, got \(quotes)", at: i)
                    }
                    let bodyEnd = i + quotes - 3
                    let body = sawCRLF ? withoutCR(bodyStart, bodyEnd) : text(bodyStart, bodyEnd)
                    return (body, i + quotes)
                }
                i += quotes
            } else if b >= 0x20 && b < 0x7F || b == 0x09 || b == 0x0A {
                i += 1
            } else if b == 0x0D && at(i + 1) == 0x0A {
                sawCRLF = true
                i += 2
            } else if b >= 0x80 {
                i += try utf8Scalar(at: i)
            } else {
                throw multiLineCharacterError(i, closing: "\"'''\"")
            }
        }
        throw multiLineCharacterError(i, closing: "\"'''\"")
    }

    /// The text from `start` to `end` with each CRLF read as LF.
    mutating func withoutCR(_ start: Int, _ end: Int) -> String {
        scratch.removeAll(keepingCapacity: true)
        for i in start..<end where !(bytes[i] == 0x0D && at(i + 1) == 0x0A) { scratch.append(bytes[i]) }
        return String(decoding: scratch, as: UTF8.self)
    }
}

@inline(__always)
func hexDigitValue(_ b: UInt8) -> UInt8? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
    default: nil
    }
}
