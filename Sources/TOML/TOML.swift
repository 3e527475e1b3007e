/// Which TOML specification a document is read against.
public enum TOMLVersion: Sendable {
    /// TOML 1.0.0.
    case v1_0
    /// TOML 1.1.0: adds newlines, comments and a trailing comma in inline
    /// tables, the `\e` and `\xHH` escapes, and times without seconds.
    case v1_1
}

/// Entry points: read a document into a `TOMLTable`, write one back.
public enum TOML {
    /// Arrays, inline tables and dotted or header keys may nest this deep;
    /// deeper documents are rejected with `TOMLError.Kind.tooDeep` instead
    /// of risking a stack overflow. At this depth (inline tables, the worst
    /// case) a parse needs about 300 KB of stack in a release build and 1 MB
    /// in a debug build; Linux gives a thread 8 MB.
    public static let maxDepth = 100

    /// Parses a UTF-8 document (an optional byte order mark is skipped).
    public static func parse(_ bytes: [UInt8], version: TOMLVersion = .v1_1) throws(TOMLError) -> TOMLTable {
        let result: Result<TOMLTable, TOMLError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer, version: version)
            do throws(TOMLError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a document given as a string.
    public static func parse(_ text: String, version: TOMLVersion = .v1_1) throws(TOMLError) -> TOMLTable {
        try parse(Array(text.utf8), version: version)
    }

    /// Canonical TOML for `table`: see `Writer`.
    public static func write(_ table: TOMLTable) -> String {
        var writer = Writer()
        writer.writeDocument(table)
        return writer.output
    }
}
