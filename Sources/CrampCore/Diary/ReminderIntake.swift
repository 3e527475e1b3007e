extension DiaryEntry {
    /// What `crampd ctl done ID` logs as intake: the reminder's amount as a drink (hydration)
    /// or a dose (electrolyte); `nil` for reminders without an amount (stretch, custom).
    /// Validated like user input, so a config amount above the plausibility limits is refused.
    public static func intake(confirming reminder: Reminder, at time: Instant) throws(DiaryValidationError) -> DiaryEntry? {
        guard let amount = reminder.amount else { return nil }
        switch reminder.kind {
        case .hydration:
            return .drink(try Drink.validated(milliliters: amount, time: time))
        case .electrolyte:
            guard let electrolyte = reminder.electrolyte else { return nil }
            return .dose(try Dose.validated(electrolyte: electrolyte, milligrams: amount, time: time))
        case .stretch, .custom:
            return nil
        }
    }
}
