/// Diary records of some span of time: the input of every summary, statistic, rule and export.
/// Each list is in time order (the store returns them so; `sorted()` restores it after edits).
public struct DiaryRecords: Sendable, Equatable {
    public var drinks: [Drink]
    public var doses: [Dose]
    public var cramps: [Cramp]
    public var reminderEvents: [ReminderEventRecord]

    public init(drinks: [Drink] = [], doses: [Dose] = [], cramps: [Cramp] = [], reminderEvents: [ReminderEventRecord] = []) {
        self.drinks = drinks; self.doses = doses; self.cramps = cramps; self.reminderEvents = reminderEvents
    }

    public func sorted() -> DiaryRecords {
        DiaryRecords(drinks: drinks.sorted { $0.time < $1.time }, doses: doses.sorted { $0.time < $1.time },
                     cramps: cramps.sorted { $0.time < $1.time }, reminderEvents: reminderEvents.sorted { $0.actual < $1.actual })
    }

    /// One kind of record for `crampd ctl export --kind`.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        case drink, dose, cramp, reminder
    }

    /// Only the records of `kind` (all when nil).
    public func only(_ kind: Kind?) -> DiaryRecords {
        guard let kind else { return self }
        return DiaryRecords(drinks: kind == .drink ? drinks : [], doses: kind == .dose ? doses : [],
                            cramps: kind == .cramp ? cramps : [], reminderEvents: kind == .reminder ? reminderEvents : [])
    }

    /// The records whose time falls in `interval`.
    public func within(_ interval: Range<Instant>) -> DiaryRecords {
        DiaryRecords(drinks: drinks.filter { interval.contains($0.time) }, doses: doses.filter { interval.contains($0.time) },
                     cramps: cramps.filter { interval.contains($0.time) },
                     reminderEvents: reminderEvents.filter { interval.contains($0.actual) })
    }
}
