import TOML

/// One problem found in a config file: where it is and what to do about it.
///
/// Kept as data (source name + byte offset); line and column are computed
/// only when rendering, from the `SourceText` of the file.
public struct ConfigDiagnostic: Error, Sendable, Equatable {
    /// The name of the file, as in `SourceText.name`.
    public var source: String
    /// Byte offset of the spot the message is about.
    public var offset: Int
    public var message: String
    /// Other places that explain this one, like "first defined here" for a duplicate.
    public var notes: [ConfigNote]

    public init(source: String, offset: Int, message: String, notes: [ConfigNote] = []) {
        self.source = source; self.offset = offset; self.message = message; self.notes = notes
    }
}

/// A secondary location attached to a diagnostic.
public struct ConfigNote: Sendable, Equatable {
    public var source: String
    public var offset: Int
    public var message: String

    public init(source: String, offset: Int, message: String) {
        self.source = source; self.offset = offset; self.message = message
    }
}

extension ConfigDiagnostic {
    /// `path:line:column: message`, the source line and a caret, then each note the same way.
    /// Falls back to `path: message` when the source is not among `sources` (it always should be).
    public func rendered(in sources: [SourceText]) -> String {
        var renderer = Renderer(sources: sources)
        return renderer.render(self)
    }

    /// All diagnostics in file order, then by position, each rendered in turn.
    /// `describe` may word a diagnostic its own way (nil: the usual location, line and caret).
    public static func renderEach(_ diagnostics: [ConfigDiagnostic], sources: [SourceText],
                                  describing describe: (ConfigDiagnostic) -> String? = { _ in nil }) -> [String] {
        var renderer = Renderer(sources: sources)
        return sorted(diagnostics, sourceOrder: sources.map(\.name)).map { describe($0) ?? renderer.render($0) }
    }

    /// Renders many diagnostics with each file's line starts found once (40,000 errors in one
    /// file would otherwise scan it from the top 40,000 times).
    struct Renderer {
        let sources: [String: SourceText]
        var lineStarts: [String: [Int]] = [:]

        init(sources: [SourceText]) {
            self.sources = Dictionary(sources.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }

        mutating func render(_ diagnostic: ConfigDiagnostic) -> String {
            var parts = [render(source: diagnostic.source, offset: diagnostic.offset, message: diagnostic.message)]
            for note in diagnostic.notes {
                parts.append(render(source: note.source, offset: note.offset, message: "note: " + note.message))
            }
            return parts.joined(separator: "\n")
        }

        private mutating func render(source: String, offset: Int, message: String) -> String {
            guard let text = sources[source] else { return "\(source): \(message)" }
            let lines = lineStarts[source] ?? text.lineStarts()
            lineStarts[source] = lines
            return text.render(message: message, at: offset, lines: lines)
        }
    }

    /// Sorted by the order of the files, then by offset, so output reads top to bottom.
    public static func sorted(_ diagnostics: [ConfigDiagnostic], sourceOrder: [String]) -> [ConfigDiagnostic] {
        func rank(_ d: ConfigDiagnostic) -> Int { sourceOrder.firstIndex(of: d.source) ?? sourceOrder.count }
        return diagnostics.enumerated().sorted { a, b in
            (rank(a.element), a.element.offset, a.offset) < (rank(b.element), b.element.offset, b.offset)
        }.map(\.element)
    }
}

extension Array where Element == ConfigDiagnostic {
    mutating func add(_ source: String, _ offset: Int, _ message: String, notes: [ConfigNote] = []) {
        append(ConfigDiagnostic(source: source, offset: offset, message: message, notes: notes))
    }

    /// A problem with a value: points at the value.
    mutating func add(at entry: LocatedEntry, _ message: String) {
        add(entry.source, entry.node.offset, message)
    }

    /// A problem with a key being there at all: points at the key.
    mutating func add(atKey entry: LocatedEntry, _ message: String) {
        add(entry.source, entry.keyOffset, message)
    }
}
