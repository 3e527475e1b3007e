import FoundationEssentials

// Numbers to Swift types, with JSONDecoder's results. An integer type takes a plain integer
// it can hold; otherwise the number goes through Double and must be a whole number T holds
// ("1.0", "1e2" yes, "1.5" no). From 2^53 up, where Doubles skip integers, JSONDecoder reads
// the decimal digits instead, as a mantissa that must fit in 64 bits and a power of ten,
// dropping any fraction: "9007199254740993.5" is 9007199254740993. A number a type cannot
// take is a corrupted value, not a type mismatch.

extension JSONValue {
    /// The value as `T`: nil when not a number, `.some(nil)` when a number `T` cannot take.
    func integer<T: FixedWidthInteger>(_: T.Type) -> T?? {
        switch self {
        case .integer(let v): return .some(T(exactly: v))
        case .number(let text): return .some(Self.integer(T.self, from: text))
        default: return nil
        }
    }

    static func integer<T: FixedWidthInteger>(_: T.Type, from text: String) -> T? {
        guard JSONNumberText.isValid(text.utf8) else { return nil }
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return T(text)  // a plain integer beyond Int64, e.g. for UInt64, or too large for T
        }
        guard let d = Double(text), let viaDouble = T(exactly: d) else { return nil }
        if d.magnitude < 0x1p53 { return viaDouble }
        return JSONNumberText.truncatedDecimal(T.self, text.utf8)
    }

    /// The value as a floating-point number, nil when not a number; `.some(nil)` when out of range.
    func double() -> Double?? {
        switch self {
        case .integer(let v): return .some(Double(v))
        case .number(let text):
            guard JSONNumberText.isValid(text.utf8), let d = Double(text), d.isFinite else { return .some(nil) }
            return .some(d)
        default: return nil
        }
    }
}

extension JSONNumberText {
    /// A valid number with an exponent or a fraction, read as decimal: all its digits as one
    /// 64-bit mantissa (nil when they do not fit), times ten to the exponent less the fraction
    /// digits, dividing with truncation.
    static func truncatedDecimal<T: FixedWidthInteger>(_: T.Type, _ text: some Collection<UInt8>) -> T? {
        var mantissa: UInt64 = 0
        var exponent = 0, explicitExponent = 0, exponentSign = 1
        var negative = false, inFraction = false, inExponent = false
        for b in text {
            switch b {
            case UInt8(ascii: "-") where !inExponent: negative = true
            case UInt8(ascii: "-"): exponentSign = -1
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            default:
                let digit = Int(b - UInt8(ascii: "0"))
                if inExponent {
                    explicitExponent = min(explicitExponent * 10 + digit, 100_000)
                    continue
                }
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(digit))
                guard !o1, !o2 else { return nil }
                mantissa = m2
                if inFraction { exponent -= 1 }
            }
        }
        exponent += exponentSign * explicitExponent
        if exponent < 0 {
            for _ in 0 ..< -exponent where mantissa != 0 { mantissa /= 10 }
        } else {
            for _ in 0 ..< exponent {
                let (m, o) = mantissa.multipliedReportingOverflow(by: 10)
                guard !o else { return nil }
                mantissa = m
            }
        }
        if negative {
            guard T.isSigned, let magnitude = T(exactly: mantissa) else { return nil }
            return 0 - magnitude
        }
        return T(exactly: mantissa)
    }
}
