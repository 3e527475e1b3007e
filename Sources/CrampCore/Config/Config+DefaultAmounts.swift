/// What `crampd ctl drink` and `crampd ctl take` log when no amount is given: the amount
/// the reminders already suggest, so a logged drink or dose matches what was asked for.
extension Config {
    /// `crampd ctl drink` without ML when no hydration reminder has an `amount`: one glass.
    public static let glassMilliliters = 250

    /// The `amount` of the first hydration reminder that has one, else a glass.
    public var defaultDrinkMilliliters: Int {
        reminders.first { $0.kind == .hydration && $0.amount != nil }?.amount ?? Self.glassMilliliters
    }

    /// The `amount` of the first reminder for `electrolyte` that has one; `nil` when none does
    /// (there is no safe guess for a dose: the person must say how much).
    public func defaultDoseMilligrams(of electrolyte: Electrolyte) -> Int? {
        reminders.first { $0.kind == .electrolyte && $0.electrolyte == electrolyte && $0.amount != nil }?.amount
    }
}
