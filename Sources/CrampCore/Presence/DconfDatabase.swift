/// Reads one value from a dconf database file (`~/.config/dconf/user`), the store behind
/// GSettings, without linking GLib: the file is a GVDB table (GLib's gvdb-format.h, as dconf
/// writes it), a hash table whose items name their key as a suffix of their parent's, and
/// whose values are serialized GVariants of type `v`.
///
/// Pure and bounded: any byte sequence reads as a value or as nil, never a trap; a key's parent
/// chain is followed at most `maximumDepth` steps. Only little-endian files (what dconf writes
/// on this machine's architectures) are read; a byte-swapped one reads as nil.
public struct DconfDatabase: Sendable {
    public let bytes: [UInt8]
    /// Files larger than this are not read (a user's dconf database is a few kilobytes).
    public static let maximumSize = 4 << 20
    static let maximumDepth = 64

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// A boolean key ("/org/gnome/desktop/notifications/show-banners"); nil when the key is not
    /// set there (the schema's default applies), holds another type, or the file is not GVDB.
    public func bool(at key: String) -> Bool? {
        guard let value = variant(at: key), value.type == "b", value.data.count == 1 else { return nil }
        return value.data.first != 0
    }

    /// The value of `key` as a variant: its type string and its serialized data.
    func variant(at key: String) -> (type: String, data: ArraySlice<UInt8>)? {
        guard let table = root(), table.buckets > 0 else { return nil }
        let keyBytes = Array(key.utf8)
        let hash = Self.hash(keyBytes)
        let bucket = Int(hash % UInt32(table.buckets))
        guard var item = u32(table.bucketsAt + 4 * bucket).map(Int.init) else { return nil }
        let last = bucket == table.buckets - 1 ? table.items
                 : min(u32(table.bucketsAt + 4 * (bucket + 1)).map(Int.init) ?? 0, table.items)
        while item < last {
            let at = table.itemsAt + Self.itemSize * item
            if u32(at) == hash, matches(item: item, table: table, key: keyBytes[...]), bytes[at + 14] == UInt8(ascii: "v"),
               let start = u32(at + 16).map(Int.init), let end = u32(at + 20).map(Int.init), start <= end, end <= bytes.count {
                return Self.unwrapVariant(bytes[start..<end])
            }
            item += 1
        }
        return nil
    }

    // MARK: The format

    static let itemSize = 24

    private struct Table {
        var bucketsAt: Int
        var buckets: Int
        var itemsAt: Int
        var items: Int
    }

    /// The header: "GVariant", version, options, then the root table's pointer (start, end).
    private func root() -> Table? {
        guard bytes.count >= 24, bytes[0..<8].elementsEqual("GVariant".utf8), let start = u32(16).map(Int.init),
              let end = u32(20).map(Int.init), start <= end, end <= bytes.count, end - start >= 8 else { return nil }
        // The hash header: bloom words (the low 27 bits; the top 5 are the bloom shift) and buckets.
        guard let bloomWord = u32(start), let buckets = u32(start + 4).map(Int.init) else { return nil }
        let bloom = Int(bloomWord & ((1 << 27) - 1))
        let bucketsAt = start + 8 + 4 * bloom
        let itemsAt = bucketsAt + 4 * buckets
        guard itemsAt <= end else { return nil }
        return Table(bucketsAt: bucketsAt, buckets: buckets, itemsAt: itemsAt, items: (end - itemsAt) / Self.itemSize)
    }

    /// Whether `item`'s key, with its parents' before it, spells `key`.
    private func matches(item: Int, table: Table, key: ArraySlice<UInt8>) -> Bool {
        var item = item
        var rest = key
        for _ in 0..<Self.maximumDepth {
            let at = table.itemsAt + Self.itemSize * item
            guard let parent = u32(at + 4), let start = u32(at + 8).map(Int.init), let size = u16(at + 12).map(Int.init),
                  start + size <= bytes.count, size <= rest.count else { return false }
            guard bytes[start..<start + size].elementsEqual(rest.suffix(size)) else { return false }
            rest = rest.dropLast(size)
            if rest.isEmpty { return parent == UInt32.max }
            guard parent < UInt32(table.items), size > 0 else { return false }
            item = Int(parent)
        }
        return false
    }

    /// A serialized `v`: the value's data, a zero byte, then its type string.
    static func unwrapVariant(_ data: ArraySlice<UInt8>) -> (type: String, data: ArraySlice<UInt8>)? {
        guard let zero = data.lastIndex(of: 0) else { return nil }
        return (String(decoding: data[(zero + 1)...], as: UTF8.self), data[..<zero])
    }

    /// gvdb's key hash: djb2 over signed chars.
    static func hash(_ key: [UInt8]) -> UInt32 {
        key.reduce(UInt32(5381)) { hash, byte in hash &* 33 &+ UInt32(bitPattern: Int32(Int8(bitPattern: byte))) }
    }

    private func u32(_ at: Int) -> UInt32? {
        guard at >= 0, at + 4 <= bytes.count else { return nil }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    private func u16(_ at: Int) -> UInt16? {
        guard at >= 0, at + 2 <= bytes.count else { return nil }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }
}
