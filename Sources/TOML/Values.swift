// Values: dispatch on the first byte, and the two compound values (arrays and
// inline tables), which nest and so count towards `TOML.maxDepth`.

extension Parser {
    // val = string / boolean / array / inline-table / date-time / float / integer
    /// The value at `start`; `depth` is how deeply it is nested.
    mutating func parseValue(_ start: Int, depth: Int) throws(TOMLError) -> (TOMLNode, Int) {
        switch at(start) {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let (string, end) = try parseString(start)
            return (TOMLNode(.string(string), offset: start), end)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            let (value, end) = startsDateOrTime(start) ? try parseDateTime(start) : try parseNumber(start)
            return (TOMLNode(value, offset: start), end)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "i"), UInt8(ascii: "n"):
            let (value, end) = try parseNumber(start)
            return (TOMLNode(value, offset: start), end)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            let (value, end) = try parseBoolean(start)
            return (TOMLNode(value, offset: start), end)
        case UInt8(ascii: "["):
            return try parseArray(start, depth: depth)
        case UInt8(ascii: "{"):
            return try parseInlineTable(start, depth: depth)
        default:
            throw valueExpected(at: start)
        }
    }

    // boolean = true / false
    func parseBoolean(_ start: Int) throws(TOMLError) -> (TOMLValue, Int) {
        if at(start) == UInt8(ascii: "t") && at(start + 1) == UInt8(ascii: "r")
            && at(start + 2) == UInt8(ascii: "u") && at(start + 3) == UInt8(ascii: "e") {
            return (.bool(true), start + 4)
        }
        if at(start) == UInt8(ascii: "f") && at(start + 1) == UInt8(ascii: "a") && at(start + 2) == UInt8(ascii: "l")
            && at(start + 3) == UInt8(ascii: "s") && at(start + 4) == UInt8(ascii: "e") {
            return (.bool(false), start + 5)
        }
        throw valueExpected(at: start)
    }

    // array = array-open [ array-values ] ws-comment-newline array-close
    // array-values = ws-comment-newline val ws-comment-newline array-sep array-values
    // array-values =/ ws-comment-newline val ws-comment-newline [ array-sep ]
    mutating func parseArray(_ start: Int, depth: Int) throws(TOMLError) -> (TOMLNode, Int) {
        try checkDepth(depth, at: start)
        // Room for a typical config array up front: one allocation, no regrowth.
        var elements: [TOMLNode] = []
        elements.reserveCapacity(8)
        var i = try skipWhitespaceCommentsNewlines(start + 1)
        while at(i) != UInt8(ascii: "]") {
            let (element, end) = try parseValue(i, depth: depth + 1)
            elements.append(element)
            i = try skipWhitespaceCommentsNewlines(end)
            if at(i) == UInt8(ascii: ",") {
                i = try skipWhitespaceCommentsNewlines(i + 1)
            } else if at(i) != UInt8(ascii: "]") {
                throw separatorExpected(at: i, inArray: true)
            }
        }
        return (TOMLNode(.array(elements), offset: start), i + 1)
    }

    // inline-table = inline-table-open [ inline-table-keyvals ] inline-table-close
    // inline-table-keyvals = keyval [ inline-table-sep inline-table-keyvals ]
    //   TOML 1.1: ws-comment-newline around every keyval and separator, and
    //   an optional trailing separator.
    mutating func parseInlineTable(_ start: Int, depth: Int) throws(TOMLError) -> (TOMLNode, Int) {
        try checkDepth(depth, at: start)
        let table = tables.count
        tables.append(PendingTable(origin: .inline, depth: depth, offset: start))
        var i = try skipInlineSpace(start + 1)
        while at(i) != UInt8(ascii: "}") {
            if version == .v1_0 && newline(i) != nil {
                throw inlineTable10Error(at: i, afterComma: false)
            }
            let end = try parseKeyValue(i, into: table)
            i = try skipInlineSpace(end)
            if at(i) == UInt8(ascii: ",") {
                i = try skipInlineSpace(i + 1)
                if at(i) == UInt8(ascii: "}") && version == .v1_0 {
                    throw inlineTable10Error(at: i, afterComma: true)
                }
            } else if at(i) != UInt8(ascii: "}") {
                throw separatorExpected(at: i, inArray: false)
            }
        }
        let value = materialize(table)
        while tables.count > table { tables.removeLast() }  // it and its dotted sub-tables
        return (TOMLNode(.table(value), offset: start), i + 1)
    }

    /// What may separate inline table entries: whitespace, and in TOML 1.1
    /// also comments and newlines.
    private func skipInlineSpace(_ start: Int) throws(TOMLError) -> Int {
        version == .v1_1 ? try skipWhitespaceCommentsNewlines(start) : skipWhitespace(start)
    }

    @inline(__always)
    func checkDepth(_ depth: Int, at offset: Int) throws(TOMLError) {
        if depth > TOML.maxDepth { throw tooDeep(at: offset) }
    }

    // Errors of the recursive rules are built out of line, so that the frames
    // of parseValue, parseArray and parseInlineTable stay small: a document
    // nested `TOML.maxDepth` deep must fit on a small thread stack.

    @inline(never)
    func valueExpected(at i: Int) -> TOMLError {
        TOMLError(.syntax, "expected a value, got \(describeWord(i))", at: i)
    }

    @inline(never)
    func separatorExpected(at i: Int, inArray: Bool) -> TOMLError {
        if inArray {
            return TOMLError(.syntax, "expected ',' or ']' after an array element, got \(describe(i))", at: i)
        }
        let hint = version == .v1_0 && newline(i) != nil ? " (newlines in an inline table need TOML 1.1)" : ""
        return TOMLError(.syntax, "expected ',' or '}' after an inline table entry, got \(describe(i))\(hint)", at: i)
    }

    @inline(never)
    func inlineTable10Error(at i: Int, afterComma: Bool) -> TOMLError {
        afterComma
            ? TOMLError(.syntax, "expected a key after ',', got '}' (a trailing comma in an inline table needs TOML 1.1)", at: i)
            : TOMLError(.syntax, "expected a key or '}', got end of line (newlines in an inline table need TOML 1.1)", at: i)
    }

    @inline(never)
    func tooDeep(at offset: Int) -> TOMLError {
        TOMLError(.tooDeep, "nesting is deeper than \(TOML.maxDepth) levels of tables and arrays", at: offset)
    }
}
