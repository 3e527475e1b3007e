/// One electrolyte dose the person logged (`crampd ctl take ELECTROLYTE [MG]`, or `done` on an electrolyte reminder).
public struct Dose: Sendable, Equatable, Hashable, Codable {
    public var electrolyte: Electrolyte
    public var milligrams: Int
    public var time: Instant

    /// Unchecked; for values read back from the store. New input goes through `validated`.
    public init(electrolyte: Electrolyte, milligrams: Int, time: Instant) {
        self.electrolyte = electrolyte; self.milligrams = milligrams; self.time = time
    }

    /// The largest single dose we accept, whatever the electrolyte: 10 g of the element is far
    /// beyond any supplement or salt tablet, so more means a unit mix-up (g typed as mg).
    public static let maximumMilligrams = 10_000

    /// A dose from user input, or the reason it is refused.
    public static func validated(electrolyte: Electrolyte, milligrams: Int, time: Instant) throws(DiaryValidationError) -> Dose {
        guard milligrams > 0 else { throw .amountNotPositive(amount: milligrams, unit: "mg") }
        guard milligrams <= maximumMilligrams else {
            throw .amountImplausible(amount: milligrams, unit: "mg", limit: maximumMilligrams, what: "one dose")
        }
        return Dose(electrolyte: electrolyte, milligrams: milligrams, time: time)
    }

    /// The electrolyte a user typed ("Magnesium", "magnesium"), or the list of the ones we know.
    public static func electrolyte(named text: String) throws(DiaryValidationError) -> Electrolyte {
        if let e = Electrolyte(rawValue: text.lowercased()) { return e }
        throw .unknownElectrolyte(text)
    }
}
