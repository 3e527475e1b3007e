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
        var parts = [Self.render(source: source, offset: offset, message: message, sources: sources)]
        for note in notes {
            parts.append(Self.render(source: note.source, offset: note.offset, message: "note: " + note.message, sources: sources))
        }
        return parts.joined(separator: "\n")
    }

    private static func render(source: String, offset: Int, message: String, sources: [SourceText]) -> String {
        guard let text = sources.first(where: { $0.name == source }) else { return "\(source): \(message)" }
        return text.render(message: message, at: offset)
    }

    /// All diagnostics in file order, then by position, each rendered in turn.
    public static func render(_ diagnostics: [ConfigDiagnostic], sources: [SourceText]) -> String {
        sorted(diagnostics, sourceOrder: sources.map(\.name))
            .map { $0.rendered(in: sources) }
            .joined(separator: "\n")
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
