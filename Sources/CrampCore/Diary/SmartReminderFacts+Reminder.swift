extension SmartReminderFacts {
    /// Why `reminder` should not suggest its dose now: an electrolyte reminder whose amount
    /// would take today's total past the `[goals]` cap. `nil` for any other reminder, or
    /// when the dose stays within the cap (or there is none).
    public func capExcess(suggesting reminder: Reminder) -> DoseCapExcess? {
        DoseCapExcess.check(suggesting: reminder, takenToday: electrolyteTodayMilligrams, caps: capMilligrams)
    }
}
