/// A dose that would take today's total past the safety cap (`[goals] <electrolyte>_max_mg`);
/// the agenda skips a reminder suggesting it, and `message` is what the journal says.
public struct DoseCapExcess: Sendable, Equatable {
    public var electrolyte: Electrolyte
    public var takenTodayMilligrams: Int
    public var doseMilligrams: Int
    public var capMilligrams: Int

    public var message: String {
        "not suggesting \(doseMilligrams) mg of \(electrolyte.rawValue): with the \(takenTodayMilligrams) mg taken today "
            + "it would make \(takenTodayMilligrams + doseMilligrams) mg, above the daily cap of \(capMilligrams) mg"
    }

    /// The excess of `milligrams` more of `electrolyte`, or `nil` when it stays within the
    /// cap (exactly the cap is fine) or there is no cap.
    public static func check(electrolyte: Electrolyte, milligrams: Int, takenToday: [Electrolyte: Int],
                             caps: [Electrolyte: Int]) -> DoseCapExcess? {
        guard let cap = caps[electrolyte] else { return nil }
        let taken = takenToday[electrolyte] ?? 0
        guard taken > cap - milligrams else { return nil }  // taken + milligrams > cap, without overflow
        return DoseCapExcess(electrolyte: electrolyte, takenTodayMilligrams: taken, doseMilligrams: milligrams, capMilligrams: cap)
    }

    /// Why `reminder` should not suggest its dose: an electrolyte reminder whose amount would
    /// take today's total past the cap. `nil` for any other reminder, or within the cap.
    public static func check(suggesting reminder: Reminder, takenToday: [Electrolyte: Int],
                             caps: [Electrolyte: Int]) -> DoseCapExcess? {
        guard reminder.kind == .electrolyte, let electrolyte = reminder.electrolyte, let amount = reminder.amount else { return nil }
        return check(electrolyte: electrolyte, milligrams: amount, takenToday: takenToday, caps: caps)
    }
}
