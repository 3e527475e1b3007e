// Integers and floats. Digits are read byte by byte; an integer is built with
// overflow checks, a float's digits (without '_') go to `Double(_:)`, which is
// correctly rounded.

extension Parser {
    // integer = dec-int / hex-int / oct-int / bin-int
    // float = float-int-part ( exp / frac [ exp ] ) / special-float
    /// An integer or float starting at a sign or digit (or `inf`/`nan`).
    mutating func parseNumber(_ start: Int) throws(TOMLError) -> (TOMLValue, Int) {
        var i = start
        let sign = at(i)
        let hasSign = sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
        if hasSign { i += 1 }
        let first = at(i)
        if first == UInt8(ascii: "i") || first == UInt8(ascii: "n") {
            return try parseSpecialFloat(start, signEnd: i)
        }
        if first == UInt8(ascii: "0") {
            let radix: Int
            switch at(i + 1) {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = 10
            }
            if radix != 10 {
                if hasSign {
                    throw TOMLError(.syntax, "a sign is not allowed on hexadecimal, octal or binary integers", at: start)
                }
                return try parsePrefixedInteger(start, radix: radix)
            }
        }
        return try parseDecimal(start, digitsStart: i, negative: sign == UInt8(ascii: "-"))
    }

    // special-float = [ minus / plus ] ( inf / nan )
    func parseSpecialFloat(_ start: Int, signEnd i: Int) throws(TOMLError) -> (TOMLValue, Int) {
        let negative = at(start) == UInt8(ascii: "-")
        if at(i) == UInt8(ascii: "i") && at(i + 1) == UInt8(ascii: "n") && at(i + 2) == UInt8(ascii: "f") {
            return (.float(negative ? -.infinity : .infinity), i + 3)
        }
        if at(i) == UInt8(ascii: "n") && at(i + 1) == UInt8(ascii: "a") && at(i + 2) == UInt8(ascii: "n") {
            return (.float(negative ? -.nan : .nan), i + 3)
        }
        throw valueExpected(at: start)
    }

    // dec-int = [ minus / plus ] unsigned-dec-int
    // unsigned-dec-int = DIGIT / digit1-9 1*( DIGIT / underscore DIGIT )
    // float-int-part = dec-int
    // frac = decimal-point zero-prefixable-int
    // exp = "e" float-exp-part
    // float-exp-part = [ minus / plus ] zero-prefixable-int
    mutating func parseDecimal(_ start: Int, digitsStart: Int, negative: Bool) throws(TOMLError) -> (TOMLValue, Int) {
        var i = try digitRun(digitsStart, what: "a digit")
        if bytes[digitsStart] == UInt8(ascii: "0") && i - digitsStart > 1 {
            throw leadingZeros(start, digitsStart, i)
        }
        let intEnd = i
        var isFloat = false
        if at(i) == UInt8(ascii: ".") {
            isFloat = true
            i = try digitRun(i + 1, what: "a digit after '.'")
        }
        if at(i) == UInt8(ascii: "e") || at(i) == UInt8(ascii: "E") {
            isFloat = true
            i += 1
            if at(i) == UInt8(ascii: "+") || at(i) == UInt8(ascii: "-") { i += 1 }
            i = try digitRun(i, what: "a digit in the exponent")
        }
        if isFloat {
            return (.float(try floatValue(start, i)), i)
        }
        // Magnitude as UInt64 so that -2^63 fits.
        var magnitude: UInt64 = 0
        for j in digitsStart..<intEnd where bytes[j] != UInt8(ascii: "_") {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[j] &- UInt8(ascii: "0")))
            if o1 || o2 { throw overflow(start, intEnd) }
            magnitude = sum
        }
        if negative {
            if magnitude > UInt64(Int64.max) + 1 { throw overflow(start, intEnd) }
            return (.integer(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)), i)
        }
        if magnitude > UInt64(Int64.max) { throw overflow(start, intEnd) }
        return (.integer(Int64(magnitude)), i)
    }

    @inline(never)
    func leadingZeros(_ start: Int, _ digitsStart: Int, _ end: Int) -> TOMLError {
        TOMLError(.syntax, "leading zeros are not allowed in '\(text(start, end))'", at: digitsStart)
    }

    @inline(never)
    func overflow(_ start: Int, _ end: Int) -> TOMLError {
        TOMLError(.invalidValue, "integer \(text(start, end)) does not fit in 64 bits (-9223372036854775808 to 9223372036854775807)", at: start)
    }

    /// Decimal digits with single underscores between them; at least one digit.
    @inline(__always)
    func digitRun(_ start: Int, what: String) throws(TOMLError) -> Int {
        var i = start
        guard isDigit(at(i)) else {
            throw expected(what, at: i)
        }
        i += 1
        while true {
            let b = at(i)
            if isDigit(b) {
                i += 1
            } else if b == UInt8(ascii: "_") {
                guard isDigit(at(i + 1)) else {
                    throw expected("a digit after '_'", at: i + 1)
                }
                i += 2
            } else {
                return i
            }
        }
    }

    /// The float written from `start` to `end` (already checked against the grammar).
    mutating func floatValue(_ start: Int, _ end: Int) throws(TOMLError) -> Double {
        if let exact = fastFloatValue(start, end) { return exact }
        scratch.removeAll(keepingCapacity: true)
        for j in start..<end where bytes[j] != UInt8(ascii: "_") { scratch.append(bytes[j]) }
        guard let value = Double(String(decoding: scratch, as: UTF8.self)) else {
            preconditionFailure("BUG: float text \(text(start, end)) passed the grammar but not Double(_:)")
        }
        return value
    }

    /// Clinger's fast path: with at most 15 significant digits and a power
    /// of ten of at most 22, mantissa and power are exact doubles and one
    /// multiplication or division rounds correctly. Nil otherwise.
    func fastFloatValue(_ start: Int, _ end: Int) -> Double? {
        var i = start
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0  // digits after the decimal point
        var afterPoint = false
        while i < end {
            let b = bytes[i]
            if isDigit(b) {
                if mantissa != 0 || b != UInt8(ascii: "0") { digits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(b &- UInt8(ascii: "0"))
                if afterPoint { scale += 1 }
            } else if b == UInt8(ascii: ".") {
                afterPoint = true
            } else if b != UInt8(ascii: "_") {
                break  // 'e' or 'E'
            }
            i += 1
        }
        if digits > 15 { return nil }
        var exponent = 0
        if i < end {
            i += 1
            let exponentNegative = bytes[i] == UInt8(ascii: "-")
            if exponentNegative || bytes[i] == UInt8(ascii: "+") { i += 1 }
            while i < end {
                if bytes[i] != UInt8(ascii: "_") {
                    exponent = exponent * 10 + Int(bytes[i] &- UInt8(ascii: "0"))
                    if exponent > 400 { return nil }
                }
                i += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        let power = exponent - scale
        guard power >= -22 && power <= 22 else { return mantissa == 0 ? (negative ? -0.0 : 0.0) : nil }
        var tens = 1.0
        for _ in 0..<abs(power) { tens *= 10 }  // every 10^k up to 10^22 is exact
        let magnitude = power < 0 ? Double(mantissa) / tens : Double(mantissa) * tens
        return negative ? -magnitude : magnitude
    }

    // hex-int = hex-prefix HEXDIG *( HEXDIG / underscore HEXDIG )
    // oct-int = oct-prefix digit0-7 *( digit0-7 / underscore digit0-7 )
    // bin-int = bin-prefix digit0-1 *( digit0-1 / underscore digit0-1 )
    func parsePrefixedInteger(_ start: Int, radix: Int) throws(TOMLError) -> (TOMLValue, Int) {
        let name = radix == 16 ? "a hexadecimal digit" : radix == 8 ? "an octal digit" : "a binary digit"
        var i = start + 2
        var value: UInt64 = 0
        var needDigit = true
        while true {
            let b = at(i)
            if let digit = hexDigitValue(b), Int(digit) < radix {
                let (shifted, o1) = value.multipliedReportingOverflow(by: UInt64(radix))
                if o1 || shifted > UInt64(Int64.max) - UInt64(digit) {
                    var end = i
                    while hexDigitValue(at(end)) != nil || at(end) == UInt8(ascii: "_") { end += 1 }
                    throw TOMLError(.invalidValue, "integer \(text(start, end)) does not fit in 64 bits (at most 9223372036854775807)", at: start)
                }
                value = shifted + UInt64(digit)
                needDigit = false
                i += 1
            } else if needDigit {
                let after = i > start + 2 ? "after '_'" : "after '\(text(start, start + 2))'"
                throw expected("\(name) \(after)", at: i)
            } else if b == UInt8(ascii: "_") {
                needDigit = true
                i += 1
            } else {
                return (.integer(Int64(value)), i)
            }
        }
    }
}

@inline(__always)
func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
