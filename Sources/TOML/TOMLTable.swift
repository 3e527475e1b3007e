/// A TOML table. Keys keep the order in which the document defined them.
public struct TOMLTable: Equatable, Sendable {
    public private(set) var entries: [TOMLEntry] = []
    /// Positions by key hash, kept only for large tables: small ones (most
    /// of a config) are searched linearly and cost no extra allocation.
    private var slots = HashSlots()

    public init() {}

    public init(_ entries: [TOMLEntry]) {
        for entry in entries { self[entry.key] = entry.node; self.setKeyOffset(entry.keyOffset, for: entry.key) }
    }

    /// Entries whose keys are known to be distinct, with the slots built for
    /// them while parsing (parser use).
    init(uniqueEntries: [TOMLEntry], slots: HashSlots) {
        self.entries = uniqueEntries
        self.slots = slots
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }
    public var keys: [String] { entries.map(\.key) }

    private func position(of key: String) -> Int? {
        if slots.isEmpty {
            for i in entries.indices where entries[i].key == key { return i }
            return nil
        }
        return slots.find(hash: HashSlots.hash(key)) { entries[$0].key == key }
    }

    public func entry(_ key: String) -> TOMLEntry? {
        position(of: key).map { entries[$0] }
    }

    /// Reading returns the node for `key`; writing `nil` removes it;
    /// writing a new key appends it, an existing key keeps its place.
    public subscript(key: String) -> TOMLNode? {
        get { position(of: key).map { entries[$0].node } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    entries[position].node = newValue
                } else {
                    entries.remove(at: position)
                    slots = HashSlots()
                    if entries.count >= HashSlots.minimumCount {
                        let current = entries
                        slots.rebuild(count: current.count) { HashSlots.hash(current[$0].key) }
                    }
                }
            } else if let newValue {
                entries.append(TOMLEntry(key: key, keyOffset: newValue.offset, node: newValue))
                if entries.count < HashSlots.minimumCount { return }
                if slots.mustRebuild(forCount: entries.count) {
                    let current = entries
                    slots.rebuild(count: current.count) { HashSlots.hash(current[$0].key) }
                } else {
                    slots.insert(hash: HashSlots.hash(key), position: entries.count - 1)
                }
            }
        }
    }

    /// Appends an entry, or replaces the node and offset of an existing key in place.
    public mutating func set(_ key: String, _ node: TOMLNode, keyOffset: Int? = nil) {
        self[key] = node
        setKeyOffset(keyOffset ?? node.offset, for: key)
    }

    public mutating func setKeyOffset(_ offset: Int, for key: String) {
        if let position = position(of: key) { entries[position].keyOffset = offset }
    }

    /// TOML tables are unordered, so equality ignores key order.
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        for entry in lhs.entries where rhs[entry.key] != entry.node { return false }
        return true
    }
}

/// Open-addressing map from key hash to position (stored + 1; 0 is empty),
/// for tables of `minimumCount` keys or more. Keys are compared by the caller.
/// The hash is FNV-1a over UTF-8: cheap for short keys, and deterministic so
/// that benchmarks are stable.
struct HashSlots: Sendable {
    private var slots: [Int32] = []

    static let minimumCount = 16

    var isEmpty: Bool { slots.isEmpty }

    static func hash(_ key: String) -> UInt32 {
        var key = key
        return key.withUTF8 { hash($0) }
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h = initialHash
        for byte in bytes { h = combine(h, byte) }
        return h
    }

    static let initialHash: UInt32 = 2_166_136_261

    @inline(__always)
    static func combine(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* 16_777_619 }

    @inline(__always)
    func find(hash: UInt32, matches: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            if matches(stored - 1) { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Adds the key at `position`; the caller checks `mustRebuild` first.
    mutating func insert(hash: UInt32, position: Int) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(position + 1)
    }

    mutating func rebuild(count: Int, hashAt: (Int) -> UInt32) {
        var capacity = 32
        while capacity < count * 4 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        for position in 0..<count { insert(hash: hashAt(position), position: position) }
    }

    /// Whether a table that now has `count` keys must call `rebuild` before `insert`.
    func mustRebuild(forCount count: Int) -> Bool { count * 2 > slots.count }
}
