/// One drink of water the person logged (`crampd ctl drink [ML]`, or `done` on a hydration reminder).
public struct Drink: Sendable, Equatable, Hashable, Codable {
    public var milliliters: Int
    public var time: Instant
    public var note: String?

    /// Unchecked; for values read back from the store. New input goes through `validated`.
    public init(milliliters: Int, time: Instant, note: String? = nil) {
        self.milliliters = milliliters; self.time = time; self.note = note
    }

    /// The largest single drink we accept; more is almost always a typo (litres typed as ml)
    /// and would silently meet the day's goal. Several drinks can be logged one by one.
    public static let maximumMilliliters = 5000

    /// A drink from user input, or the reason it is refused.
    public static func validated(milliliters: Int, time: Instant, note: String? = nil) throws(DiaryValidationError) -> Drink {
        guard milliliters > 0 else { throw .amountNotPositive(amount: milliliters, unit: "ml") }
        guard milliliters <= maximumMilliliters else {
            throw .amountImplausible(amount: milliliters, unit: "ml", limit: maximumMilliliters, what: "one drink")
        }
        return Drink(milliliters: milliliters, time: time, note: try DiaryText.note(note))
    }
}
