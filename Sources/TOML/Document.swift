// The document: lines of key/value pairs and table headers, and the rules for
// which tables may be defined or extended where.
//
// Tables under construction live in `Parser.tables` and refer to each other by
// index, so adding a key deep in the tree mutates one array element in place
// instead of copying value-type tables on the way down. When the document (or
// an inline table) is complete, `materialize` turns them into `TOMLTable`s.

/// A table under construction.
struct PendingTable {
    /// How the table came to exist; decides what may extend it later.
    enum Origin {
        case root
        /// Defined by its own `[header]` or `[[header]]`.
        case explicit
        /// Created on the way to a deeper header (`a` in `[a.b]`); may be
        /// defined once later, by its own header or by dotted keys.
        case implicit
        /// Created by a dotted key (`a` in `a.b = 1`); only dotted keys in the
        /// same table may extend it, and headers may add sub-tables to it.
        case dotted
        /// An inline table `{ … }`, complete when its `}` is read.
        case inline
    }

    var origin: Origin
    /// Nesting depth: the root is 0.
    var depth: Int
    /// Byte offset of the key part (or `{`) that created or defined the table.
    var offset: Int
    var index = KeyIndex()
    var items: [PendingItem] = []
}

struct PendingItem {
    var keyOffset: Int
    var value: PendingValue
}

enum PendingValue {
    /// A complete value: scalar, array, or inline table.
    case value(TOMLNode)
    /// A table still open to headers or dotted keys (index into `Parser.tables`).
    case table(Int)
    /// An array of tables from `[[x]]` (index into `Parser.tableArrays`).
    case tableArray(Int, offset: Int)
}

extension Parser {
    // toml = expression *( newline expression )
    // expression = ws [ comment ] / ws keyval ws [ comment ] / ws table ws [ comment ]
    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        tables = [PendingTable(origin: .root, depth: 0, offset: 0)]
        var i = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var current = 0
        while true {
            i = skipWhitespace(i)
            if i >= count { break }
            switch bytes[i] {
            case 0x0A:
                i += 1
            case UInt8(ascii: "#"):
                i = try endOfLine(i, after: "a comment")
            case UInt8(ascii: "["):
                let (table, end) = try parseTableHeader(i)
                current = table
                i = try endOfLine(end, after: "a table header")
            case 0x0D where at(i + 1) == 0x0A:
                i += 2
            default:
                i = try endOfLine(try parseKeyValue(i, into: current), after: "a value")
            }
        }
        return materialize(0)
    }

    // keyval = key keyval-sep val
    // keyval-sep = ws %x3D ws
    /// Reads `key = value` and adds it to `table`; returns the position after the value.
    mutating func parseKeyValue(_ start: Int, into table: Int) throws(TOMLError) -> Int {
        var i = skipWhitespace(try parseKey(start))
        guard at(i) == UInt8(ascii: "=") else {
            throw TOMLError(.syntax, "expected '=' after key \(keyPath(keyParts.count)), got \(describe(i))", at: i)
        }
        i = skipWhitespace(i + 1)
        let target = try dottedKeyTable(table)
        let last = keyParts[keyParts.count - 1]
        if let position = tables[target].index.find(last.key, hash: last.hash) {
            let first = tables[target].items[position].keyOffset
            throw TOMLError(.redefinition, "duplicate key \(keyPath(keyParts.count)) (first defined at \(location(first)))", at: last.offset, relatedOffset: first)
        }
        // `keyParts` is reused by keys inside the value, so `last` was copied out.
        let (node, end) = try parseValue(i, depth: tables[target].depth + 1)
        tables[target].index.append(last.key, hash: last.hash)
        tables[target].items.append(PendingItem(keyOffset: last.offset, value: .value(node)))
        return end
    }

    /// Walks (and creates) the tables named by all but the last part of
    /// `keyParts`, starting at `table`; returns the table to put the key in.
    mutating func dottedKeyTable(_ table: Int) throws(TOMLError) -> Int {
        var t = table
        for n in 0..<keyParts.count - 1 {
            let part = keyParts[n]
            guard let position = tables[t].index.find(part.key, hash: part.hash) else {
                t = try addTable(part, to: t, origin: .dotted)
                continue
            }
            let item = tables[t].items[position]
            switch item.value {
            case .table(let child) where tables[child].origin == .dotted:
                t = child
            case .table(let child) where tables[child].origin == .implicit:
                // Created on the way to a deeper header but never defined: the
                // dotted key defines it (as tomllib does), so no header may later.
                tables[child].origin = .dotted
                tables[child].offset = part.offset
                tables[t].items[position].keyOffset = part.offset
                t = child
            case .table:
                throw TOMLError(.redefinition, "dotted key \(keyPath(keyParts.count)) cannot extend \(keyPath(n + 1)), a table defined by a header (first defined at \(location(item.keyOffset)))", at: part.offset, relatedOffset: item.keyOffset)
            case .tableArray:
                throw TOMLError(.redefinition, "dotted key \(keyPath(keyParts.count)) cannot extend \(keyPath(n + 1)), an array of tables (first defined at \(location(item.keyOffset)))", at: part.offset, relatedOffset: item.keyOffset)
            case .value:
                throw TOMLError(.redefinition, "duplicate key \(keyPath(n + 1)) (first defined at \(location(item.keyOffset)))", at: part.offset, relatedOffset: item.keyOffset)
            }
        }
        return t
    }

    // table = std-table / array-table
    // std-table = std-table-open key std-table-close
    // std-table-open = %x5B ws ; std-table-close = ws %x5D
    // array-table = array-table-open key array-table-close
    // array-table-open = %x5B.5B ws ; array-table-close = ws %x5D.5D
    /// Reads `[a.b]` or `[[a.b]]`; returns the table that following keys go into.
    mutating func parseTableHeader(_ start: Int) throws(TOMLError) -> (Int, Int) {
        let isArray = at(start + 1) == UInt8(ascii: "[")
        var i = skipWhitespace(try parseKey(skipWhitespace(start + (isArray ? 2 : 1))))
        if isArray {
            guard at(i) == UInt8(ascii: "]") && at(i + 1) == UInt8(ascii: "]") else {
                let spot = at(i) == UInt8(ascii: "]") ? i + 1 : i
                throw TOMLError(.syntax, "expected ']]' after the array of tables name, got \(describe(spot))", at: spot)
            }
            i += 2
        } else {
            guard at(i) == UInt8(ascii: "]") else {
                throw TOMLError(.syntax, "expected ']' after the table name, got \(describe(i))", at: i)
            }
            i += 1
        }
        let parent = try headerParentTable()
        let last = keyParts[keyParts.count - 1]
        let name = keyPath(keyParts.count, quoted: false)
        guard let position = tables[parent].index.find(last.key, hash: last.hash) else {
            let table: Int
            if isArray {
                table = try newTable(.explicit, parent: parent, offset: last.offset)
                tableArrays.append([table])
                tables[parent].index.append(last.key, hash: last.hash)
                tables[parent].items.append(PendingItem(keyOffset: last.offset, value: .tableArray(tableArrays.count - 1, offset: last.offset)))
            } else {
                table = try addTable(last, to: parent, origin: .explicit)
            }
            return (table, i)
        }
        let item = tables[parent].items[position]
        let first = location(item.keyOffset)
        switch item.value {
        case .table(let table) where !isArray:
            switch tables[table].origin {
            case .implicit:
                // Defined explicitly now; point at this header from here on.
                tables[table].origin = .explicit
                tables[table].offset = last.offset
                tables[parent].items[position].keyOffset = last.offset
                return (table, i)
            case .dotted:
                throw TOMLError(.redefinition, "table [\(name)] was already defined by dotted keys (first defined at \(first))", at: last.offset, relatedOffset: item.keyOffset)
            default:
                throw TOMLError(.redefinition, "duplicate table [\(name)] (first defined at \(first))", at: last.offset, relatedOffset: item.keyOffset)
            }
        case .table:
            throw TOMLError(.redefinition, "array of tables [[\(name)]] conflicts with table [\(name)] (first defined at \(first))", at: last.offset, relatedOffset: item.keyOffset)
        case .tableArray(let array, _) where isArray:
            let table = try newTable(.explicit, parent: parent, offset: last.offset)
            tableArrays[array].append(table)
            return (table, i)
        case .tableArray:
            throw TOMLError(.redefinition, "table [\(name)] conflicts with array of tables [[\(name)]] (first defined at \(first))", at: last.offset, relatedOffset: item.keyOffset)
        case .value:
            throw TOMLError(.redefinition, "duplicate key \(keyPath(keyParts.count)) (first defined at \(first))", at: last.offset, relatedOffset: item.keyOffset)
        }
    }

    /// Walks (and creates) the tables named by all but the last part of a
    /// header's key; through an array of tables it goes to its last element.
    mutating func headerParentTable() throws(TOMLError) -> Int {
        var t = 0
        for n in 0..<keyParts.count - 1 {
            let part = keyParts[n]
            guard let position = tables[t].index.find(part.key, hash: part.hash) else {
                t = try addTable(part, to: t, origin: .implicit)
                continue
            }
            let item = tables[t].items[position]
            switch item.value {
            case .table(let child):
                t = child
            case .tableArray(let array, _):
                guard let lastElement = tableArrays[array].last else {
                    preconditionFailure("BUG: an array of tables without elements")
                }
                t = lastElement
            case .value:
                throw TOMLError(.redefinition, "duplicate key \(keyPath(n + 1)) (first defined at \(location(item.keyOffset)))", at: part.offset, relatedOffset: item.keyOffset)
            }
        }
        return t
    }

    /// Adds a new empty table named `part` to `parent`.
    mutating func addTable(_ part: KeyPart, to parent: Int, origin: PendingTable.Origin) throws(TOMLError) -> Int {
        let table = try newTable(origin, parent: parent, offset: part.offset)
        tables[parent].index.append(part.key, hash: part.hash)
        tables[parent].items.append(PendingItem(keyOffset: part.offset, value: .table(table)))
        return table
    }

    mutating func newTable(_ origin: PendingTable.Origin, parent: Int, offset: Int) throws(TOMLError) -> Int {
        let depth = tables[parent].depth + 1
        try checkDepth(depth, at: offset)
        tables.append(PendingTable(origin: origin, depth: depth, offset: offset))
        return tables.count - 1
    }

    /// The finished `TOMLTable` for pending table `t` and everything under it.
    func materialize(_ t: Int) -> TOMLTable {
        let pending = tables[t]
        var entries: [TOMLEntry] = []
        entries.reserveCapacity(pending.items.count)
        for (position, item) in pending.items.enumerated() {
            let node: TOMLNode
            switch item.value {
            case .value(let value):
                node = value
            case .table(let child):
                node = TOMLNode(.table(materialize(child)), offset: tables[child].offset)
            case .tableArray(let array, let offset):
                var elements: [TOMLNode] = []
                elements.reserveCapacity(tableArrays[array].count)
                for child in tableArrays[array] {
                    elements.append(TOMLNode(.table(materialize(child)), offset: tables[child].offset))
                }
                node = TOMLNode(.array(elements), offset: offset)
            }
            entries.append(TOMLEntry(key: pending.index.keys[position], keyOffset: item.keyOffset, node: node))
        }
        return TOMLTable(uniqueEntries: entries, index: pending.index)
    }

    /// The first `n` parts of the current key for messages: `"a.b"` (quoted)
    /// or `a.b` (inside brackets); parts that are not bare keys are quoted.
    func keyPath(_ n: Int, quoted: Bool = true) -> String {
        let path = keyParts[0..<n].map { Writer.key($0.key) }.joined(separator: ".")
        return quoted ? "\"\(path.replacingQuotes())\"" : path
    }
}

extension String {
    /// `"` as `\"`, for a key path shown inside double quotes.
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for c in unicodeScalars {
            if c == "\"" { out += "\\\"" } else if c == "\\" { out += "\\\\" } else { out.unicodeScalars.append(c) }
        }
        return out
    }
}
