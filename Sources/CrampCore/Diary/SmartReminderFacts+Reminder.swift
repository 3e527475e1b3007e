extension SmartReminderFacts {
    /// Why `reminder` should not suggest its dose now: an electrolyte reminder whose amount
    /// would take today's total past the `[goals]` cap. `nil` for any other reminder, or
    /// when the dose stays within the cap (or there is none).
    public func capExcess(suggesting reminder: Reminder) -> DoseCapExcess? {
        guard reminder.kind == .electrolyte, let electrolyte = reminder.electrolyte, let amount = reminder.amount else { return nil }
        return capExcess(electrolyte: electrolyte, milligrams: amount)
    }
}
