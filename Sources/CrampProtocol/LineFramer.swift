/// Splits a byte stream into newline-terminated lines and enforces the line limit.
///
/// Both ends use it: the server per connection, the client for the one response.
/// It never holds more than `maxLineBytes` + one read's worth of bytes.
public struct LineFramer: Sendable {
    public let maxLineBytes: Int
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts; compacted lazily to avoid O(n²) shifting.
    private var start = 0
    /// Bytes of `buffer[start...]` already searched for a newline.
    private var scanned = 0

    public init(maxLineBytes: Int = ControlProtocol.maxLineBytes) { self.maxLineBytes = maxLineBytes }

    /// The unread bytes (a partial line, or lines not taken yet).
    public var bufferedByteCount: Int { buffer.count - start }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete line without its newline (a trailing `\r` is kept: JSON ignores it),
    /// nil when no complete line is buffered yet.
    /// Throws when a line is longer than the limit, with or without its newline.
    public mutating func nextLine() throws(LineTooLong) -> [UInt8]? {
        let searchFrom = start + scanned
        if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - start
            guard length <= maxLineBytes else { throw LineTooLong(limit: maxLineBytes) }
            let line = Array(buffer[start..<newline])
            start = newline + 1
            scanned = 0
            return line
        }
        scanned = buffer.count - start
        guard scanned <= maxLineBytes else { throw LineTooLong(limit: maxLineBytes) }
        return nil
    }

    /// At end of stream: the unterminated rest as a last line, nil when there is none.
    public mutating func finish() throws(LineTooLong) -> [UInt8]? {
        if let line = try nextLine() { return line }
        guard bufferedByteCount > 0 else { return nil }
        let line = Array(buffer[start...])
        buffer.removeAll(); start = 0; scanned = 0
        return line
    }
}

/// A line longer than the framing limit.
public struct LineTooLong: Error, Sendable, Equatable {
    public var limit: Int
    public init(limit: Int) { self.limit = limit }
}
