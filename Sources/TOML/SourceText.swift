/// A document's name and bytes, used to turn byte offsets into `line:column`
/// and to render a message with the source line and a caret under the spot.
public struct SourceText: Sendable {
    /// The name shown in messages, usually the file path.
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// 1-based line and column of a byte offset; the column counts Unicode
    /// scalars, so a caret lines up under non-ASCII text too.
    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { Self.lineAndColumn(of: offset, in: $0) }
    }

    /// `lineAndColumn(of:)` over borrowed bytes, for the parser's messages.
    static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    /// The text of the line holding `offset`, without its line ending.
    public func line(containing offset: Int) -> String {
        let (start, end) = lineBounds(at: min(max(offset, 0), bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Where the line holding byte `at` starts and ends, its line ending left out.
    private func lineBounds(at: Int) -> (start: Int, end: Int) {
        var start = at
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var end = at
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return (start, end)
    }

    /// The offset each line starts at: with it, `render(message:at:lines:)` finds a line by
    /// binary search, so many messages about one file cost one pass over it, not one each.
    public func lineStarts() -> [Int] {
        var starts = [0]
        for (i, byte) in bytes.enumerated() where byte == 0x0A { starts.append(i + 1) }
        return starts
    }

    /// `name:line:column: message`, the source line, and a caret under the column.
    /// Control characters in the file show escaped (`\x1B`), so an error never drives the
    /// terminal; the caret still lines up under the spot.
    public func render(message: String, at offset: Int) -> String {
        render(message: message, at: offset, position: lineAndColumn(of: offset))
    }

    /// `render(message:at:)` with the file's `lineStarts()`.
    public func render(message: String, at offset: Int, lines: [Int]) -> String {
        let end = min(max(offset, 0), bytes.count)
        var lo = 0, hi = lines.count   // the last line start <= end
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if lines[mid] <= end { lo = mid } else { hi = mid }
        }
        var column = 1
        for i in lines[lo]..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return render(message: message, at: offset, position: (lo + 1, column))
    }

    private func render(message: String, at offset: Int, position: (line: Int, column: Int)) -> String {
        let (line, column) = position
        let (text, caretColumn) = excerpt(around: offset, column: column)
        var shownLine = ""
        var caretIndent = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            // Tabs become one space so the caret's column matches what is printed.
            let shown = scalar == "\t" ? " " : String(scalar).escapingControlCharacters
            shownLine += shown
            if index < caretColumn - 1 { caretIndent += shown.unicodeScalars.count }
        }
        let caret = String(repeating: " ", count: caretIndent) + "^"
        return "\(name.escapingControlCharacters):\(line):\(column): \(message.escapingControlCharacters)\n    \(shownLine)\n    \(caret)"
    }

    /// How much of a long line is shown on each side of the spot, in bytes.
    static let excerptReach = 80

    /// The line holding `offset` as printed under a message: whole when short, else the
    /// `excerptReach` bytes on each side of the spot with "…" where it was cut (a 10 MB
    /// line is not printed whole), and the caret's column in what is printed.
    func excerpt(around offset: Int, column: Int) -> (text: String, column: Int) {
        let at = min(max(offset, 0), bytes.count)
        let (start, end) = lineBounds(at: at)
        var from = start, to = end
        if at - start > Self.excerptReach {
            from = at - Self.excerptReach
            while from < at && bytes[from] & 0xC0 == 0x80 { from += 1 }   // not inside a character
        }
        if end - at > Self.excerptReach {
            to = at + Self.excerptReach
            while to > at && bytes[to] & 0xC0 == 0x80 { to -= 1 }
        }
        guard from > start || to < end else { return (String(decoding: bytes[start..<end], as: UTF8.self), column) }
        var skipped = 0
        for i in start..<from where bytes[i] & 0xC0 != 0x80 { skipped += 1 }
        let head = from > start ? "…" : "", tail = to < end ? "…" : ""
        return (head + String(decoding: bytes[from..<to], as: UTF8.self) + tail, column - skipped + (head.isEmpty ? 0 : 1))
    }
}

extension String {
    /// Control characters other than newline and tab as `\x1B`: text from a file (a value,
    /// a key, a file name) never reaches a terminal or the journal as a control sequence.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if Self.needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }
}
