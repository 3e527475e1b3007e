/// A TOML table. Keys keep the order in which the document defined them.
public struct TOMLTable: Equatable, Sendable {
    public private(set) var entries: [TOMLEntry] = []
    /// Finds an entry's position by key; shared with the parser so that a
    /// parsed table never hashes its keys twice.
    private var index = KeyIndex()

    public init() {}

    public init(_ entries: [TOMLEntry]) {
        for entry in entries { self[entry.key] = entry.node; self.setKeyOffset(entry.keyOffset, for: entry.key) }
    }

    /// Entries whose keys are known to be distinct, with their index (parser use).
    init(uniqueEntries: [TOMLEntry], index: KeyIndex) {
        self.entries = uniqueEntries
        self.index = index
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }
    public var keys: [String] { entries.map(\.key) }

    public func entry(_ key: String) -> TOMLEntry? {
        index.find(key, hash: KeyIndex.hash(key)).map { entries[$0] }
    }

    /// Reading returns the node for `key`; writing `nil` removes it;
    /// writing a new key appends it, an existing key keeps its place.
    public subscript(key: String) -> TOMLNode? {
        get { index.find(key, hash: KeyIndex.hash(key)).map { entries[$0].node } }
        set {
            let hash = KeyIndex.hash(key)
            if let position = index.find(key, hash: hash) {
                if let newValue {
                    entries[position].node = newValue
                } else {
                    entries.remove(at: position)
                    index.remove(at: position)
                }
            } else if let newValue {
                index.append(key, hash: hash)
                entries.append(TOMLEntry(key: key, keyOffset: newValue.offset, node: newValue))
            }
        }
    }

    /// Appends an entry, or replaces the node and offset of an existing key in place.
    public mutating func set(_ key: String, _ node: TOMLNode, keyOffset: Int? = nil) {
        self[key] = node
        setKeyOffset(keyOffset ?? node.offset, for: key)
    }

    public mutating func setKeyOffset(_ offset: Int, for key: String) {
        if let position = index.find(key, hash: KeyIndex.hash(key)) { entries[position].keyOffset = offset }
    }

    /// TOML tables are unordered, so equality ignores key order.
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        for entry in lhs.entries where rhs[entry.key] != entry.node { return false }
        return true
    }
}

/// Key → position map for the keys of one table, in insertion order.
///
/// Small tables (the common case) are searched linearly by a 32-bit hash;
/// from `linearLimit` keys on an open-addressing slot array is kept too.
/// Hashing is FNV-1a over UTF-8, deterministic so benchmarks are stable.
struct KeyIndex: Sendable {
    private(set) var keys: [String] = []
    private var hashes: [UInt32] = []
    /// Position + 1 of the key in each slot, 0 for an empty slot; empty while small.
    private var slots: [Int32] = []

    static let linearLimit = 8

    var count: Int { keys.count }

    static func hash(_ key: String) -> UInt32 {
        var key = key
        return key.withUTF8 { hash($0) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for byte in bytes { h = (h ^ UInt32(byte)) &* 16_777_619 }
        return h
    }

    func find(_ key: String, hash: UInt32) -> Int? {
        if slots.isEmpty {
            for i in 0..<hashes.count where hashes[i] == hash && keys[i] == key { return i }
            return nil
        }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            if hashes[stored - 1] == hash && keys[stored - 1] == key { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a key known to be absent; its position is the old `count`.
    mutating func append(_ key: String, hash: UInt32) {
        keys.append(key)
        hashes.append(hash)
        if keys.count < Self.linearLimit { return }
        if slots.count < keys.count * 2 {
            rebuildSlots()
        } else {
            insertSlot(position: keys.count - 1)
        }
    }

    mutating func remove(at position: Int) {
        keys.remove(at: position)
        hashes.remove(at: position)
        slots = []
        if keys.count >= Self.linearLimit { rebuildSlots() }
    }

    private mutating func rebuildSlots() {
        var capacity = 16
        while capacity < keys.count * 4 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        for position in 0..<keys.count { insertSlot(position: position) }
    }

    private mutating func insertSlot(position: Int) {
        let mask = slots.count - 1
        var slot = Int(hashes[position]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(position + 1)
    }
}
