/// The text of a JSON number: what the parser takes as one, and whether it is valid.
enum JSONNumberText {
    /// The bytes JSONDecoder's scanner takes as part of a number: digits, sign, point, exponent.
    static func isNumberByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }

    /// `-?(0|[1-9][0-9]{0,17})`, which always fits in Int64; nil for anything else ("-0" too:
    /// as a Double it is negative zero, so it keeps its text).
    static func plainInt64(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { i = 1 }
        let digits = text.count - i
        guard (1...18).contains(digits) else { return nil }
        guard text[i] != UInt8(ascii: "0") || (digits == 1 && !negative) else { return nil }
        var v: Int64 = 0
        for k in i..<text.count {
            let d = text[k] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            v = v * 10 + Int64(d)
        }
        return negative ? -v : v
    }

    // number = [ minus ] int [ frac ] [ exp ];  int = zero / ( digit1-9 *DIGIT )
    // frac = decimal-point 1*DIGIT;  exp = e [ minus / plus ] 1*DIGIT
    static func isValid(_ text: some Collection<UInt8>) -> Bool {
        var rest = text[...]
        func digits() -> Int {
            let n = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            rest = rest.dropFirst(n)
            return n
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        let leadingZero = rest.first == UInt8(ascii: "0")
        let intDigits = digits()
        guard intDigits > 0, !leadingZero || intDigits == 1 else { return false }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            guard digits() > 0 else { return false }
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }
}
