import TOML

/// A key and value as written in one file: merging keeps where each value came from.
public struct LocatedEntry: Sendable, Equatable {
    public var key: String
    public var keyOffset: Int
    public var node: TOMLNode
    /// The name of the file that wrote it (`SourceText.name`).
    public var source: String

    public init(key: String, keyOffset: Int, node: TOMLNode, source: String) {
        self.key = key; self.keyOffset = keyOffset; self.node = node; self.source = source
    }

    public var value: TOMLValue { node.value }
}

/// A section merged over several files; keys keep the order they were first set in.
public struct LocatedTable: Sendable, Equatable {
    public private(set) var entries: [LocatedEntry] = []
    /// Where an array-of-tables element (`[[hook]]`) begins, for messages about a missing key.
    public var tableOffset = 0
    public var tableSource = ""

    public init() {}

    public subscript(key: String) -> LocatedEntry? { entries.first { $0.key == key } }

    public func has(_ key: String) -> Bool { self[key] != nil }

    /// A later file's value replaces an earlier one in place.
    public mutating func set(_ entry: LocatedEntry) {
        if let index = entries.firstIndex(where: { $0.key == entry.key }) { entries[index] = entry }
        else { entries.append(entry) }
    }

    public mutating func remove(_ key: String) { entries.removeAll { $0.key == key } }
}
