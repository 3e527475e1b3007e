import CrampCore

extension ArgumentText {
    /// Millilitres in one US fluid ounce.
    static let millilitersPerFluidOunce = 29.5735

    /// A drink as people type it: `330` (ml), `500ml`, `0.5l`, `12oz` (US fluid ounces),
    /// rounded to the millilitre. Units are case-insensitive; decimals use a point.
    public static func volume(_ text: String) throws(ArgumentError) -> Int {
        let fail = ArgumentError("expected an amount like 330, 500ml, 0.5l or 12oz, got \"\(text)\"")
        var lowered = Substring(text.lowercased())
        if lowered.first == "+" { lowered = lowered.dropFirst() }
        let digits = lowered.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let factor: Double
        switch lowered.dropFirst(digits.count) {
        case "", "ml": factor = 1
        case "l": factor = 1000
        case "oz", "floz", "fl.oz": factor = millilitersPerFluidOunce
        default: throw fail
        }
        // Digits with at most one point inside, short enough that nothing overflows.
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = parts.count == 1 ? !parts[0].isEmpty : parts.count == 2 && !parts[1].isEmpty
        guard wellFormed, digits.count <= 12, let value = Double(String(digits)) else { throw fail }
        let milliliters = (value * factor).rounded()
        guard milliliters >= 1 else { throw ArgumentError("expected a positive amount, got \"\(text)\"") }
        return Int(milliliters)
    }
}
