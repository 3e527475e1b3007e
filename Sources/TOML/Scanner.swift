/// The parser's state for one document: its bytes (borrowed for the length of
/// one parse), the TOML version, reusable scratch buffers, and the tables built
/// so far (see Document.swift). Every grammar function takes the position to
/// start at and returns the position after what it read; there is no cursor.
struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let version: TOMLVersion
    /// Decoded bytes of a string with escapes or of a number; reused, so a
    /// token costs no allocation beyond its final `String`.
    var scratch: [UInt8] = []
    /// Parts of the key being read; reused by every key/value pair.
    var keyParts: [KeyPart] = []
    /// Tables under construction; index 0 is the root. See Document.swift.
    var tables: [PendingTable] = []
    /// Arrays of tables (`[[x]]`) under construction: table indices.
    var tableArrays: [[Int]] = []

    init(bytes: UnsafeBufferPointer<UInt8>, version: TOMLVersion) {
        self.bytes = bytes
        self.count = bytes.count
        self.version = version
        scratch.reserveCapacity(256)
        keyParts.reserveCapacity(8)
    }

    /// The byte at `i`, or 0 past the end. NUL is never valid TOML, so every
    /// rule treats 0 as "stop" and `describe` tells the two apart.
    @inline(__always)
    func at(_ i: Int) -> UInt8 { i < count ? bytes[i] : 0 }

    // MARK: Whitespace, newlines, comments

    // ws = *wschar
    // wschar = %x20 / %x09
    @inline(__always)
    func skipWhitespace(_ start: Int) -> Int {
        var i = start
        while i < count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i
    }

    // newline = %x0A / %x0D.0A
    /// The position after a newline at `i`, or nil if there is none.
    @inline(__always)
    func newline(_ i: Int) -> Int? {
        let b = at(i)
        if b == 0x0A { return i + 1 }
        if b == 0x0D && at(i + 1) == 0x0A { return i + 2 }
        return nil
    }

    // comment = comment-start-symbol *allowed-comment-char
    // allowed-comment-char = %x01-09 / %x0E-7F / non-ascii  (minus the control
    // characters the prose forbids: only tab is allowed)
    /// Skips a comment starting at `#`; returns the position of the line end.
    /// Out of line: comments are rare, and inlined they would grow the frames
    /// of the recursive rules that skip them.
    @inline(never)
    func skipComment(_ start: Int) throws(TOMLError) -> Int {
        var i = start + 1
        while i < count {
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F || b == 0x09 {
                i += 1
            } else if b >= 0x80 {
                i += try utf8Scalar(at: i)
            } else if b == 0x0A || (b == 0x0D && at(i + 1) == 0x0A) {
                return i
            } else {
                throw TOMLError(.encoding, "\(describe(i)) is not allowed in a comment", at: i)
            }
        }
        return i
    }

    // ws-comment-newline = *( wschar / [ comment ] newline )
    /// Skips whitespace, comments and newlines (inside arrays and, in TOML 1.1,
    /// inline tables).
    func skipWhitespaceCommentsNewlines(_ start: Int) throws(TOMLError) -> Int {
        var i = start
        while i < count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A: i += 1
            case 0x0D where at(i + 1) == 0x0A: i += 2
            case UInt8(ascii: "#"): i = try skipComment(i)
            default: return i
            }
        }
        return i
    }

    /// After a key/value pair or a table header: optional whitespace and
    /// comment, then a newline or the end of the document.
    func endOfLine(_ start: Int, after what: String) throws(TOMLError) -> Int {
        var i = skipWhitespace(start)
        if at(i) == UInt8(ascii: "#") { i = try skipComment(i) }
        if i >= count { return i }
        if let next = newline(i) { return next }
        throw expected("a newline or comment after \(what)", at: i)
    }

    /// "expected X, got Y" for the byte at `i`. Out of line, as every error
    /// is: message building would otherwise bloat the hot rules' code and frames.
    @inline(never)
    func expected(_ what: String, at i: Int) -> TOMLError {
        TOMLError(.syntax, "expected \(what), got \(describe(i))", at: i)
    }

    // MARK: UTF-8

    // non-ascii = %x80-D7FF / %xE000-10FFFF, encoded as UTF-8
    /// Length of the well-formed UTF-8 sequence at `i` (first byte >= 0x80).
    @inline(__always)
    func utf8Scalar(at i: Int) throws(TOMLError) -> Int {
        if let length = utf8Length(at: i) { return length }
        throw invalidUTF8(at: i)
    }

    @inline(never)
    func invalidUTF8(at i: Int) -> TOMLError {
        TOMLError(.encoding, "invalid UTF-8 byte 0x\(hex(bytes[i]))", at: i)
    }

    /// Length of the well-formed UTF-8 sequence at `i`, or nil: rejects
    /// overlong forms, surrogates and code points above U+10FFFF.
    func utf8Length(at i: Int) -> Int? {
        let b0 = at(i)
        @inline(__always) func continuation(_ j: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            let b = at(j)
            return b >= low && b <= high
        }
        switch b0 {
        case 0xC2...0xDF:
            return continuation(i + 1) ? 2 : nil
        case 0xE0:
            return continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(i + 1) && continuation(i + 2) ? 3 : nil
        case 0xED:
            return continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : nil
        case 0xF0:
            return continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : nil
        case 0xF4:
            return continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : nil
        default:
            return nil
        }
    }

    // MARK: Messages

    /// What the document holds at `i`, for "expected X, got Y" messages:
    /// `'x'`, `end of line`, `end of file`, `U+0007`.
    func describe(_ i: Int) -> String {
        if i >= count { return "end of file" }
        let b = bytes[i]
        switch b {
        case 0x0A: return "end of line"
        case 0x0D where at(i + 1) == 0x0A: return "end of line"
        case UInt8(ascii: "'"): return "\"'\""
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(b)))'"
        case 0x20: return "' '"
        case 0x80...:
            guard let length = utf8Length(at: i) else { return "invalid UTF-8 byte 0x\(hex(b))" }
            return "'\(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<i + length]), as: UTF8.self))'"
        default:
            return "control character U+\(hex(b, width: 4))"
        }
    }

    /// Like `describe`, but a bare word is shown whole: `'tru'`, not `'t'`.
    func describeWord(_ i: Int) -> String {
        var end = i
        while end < count && isBareKeyByte(bytes[end]) { end += 1 }
        return end - i > 1 ? "'\(text(i, end))'" : describe(i)
    }

    /// The document's text from `start` to `end`: keys, strings without escapes, messages.
    /// No cache of recent strings: it saved 0.3 % of the instructions on a 2 MB file and
    /// cost 6 % on the default config (BENCHMARKS.md, "What the machinery buys").
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(end, count)]), as: UTF8.self)
    }

    /// "line 3, column 1" for an earlier definition named in a message.
    func location(_ offset: Int) -> String {
        let (line, column) = SourceText.lineAndColumn(of: offset, in: bytes)
        return "line \(line), column \(column)"
    }
}

/// Upper-case hexadecimal, zero-padded to `width` digits.
func hex<T: BinaryInteger>(_ value: T, width: Int = 2) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
