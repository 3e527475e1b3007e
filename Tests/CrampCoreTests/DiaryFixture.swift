import CrampCore

/// A fixed diary for the pure tests: Wednesday 2026-11-25 at 15:00 UTC and the days before.
enum DiaryFixture {
    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Instant {
        Instant(microseconds: LocalDateTime(date: CivilDate(year: year, month: month, day: day),
                                            time: TimeOfDay(hour: hour, minute: minute)).microsecondsSinceEpochAsUTC)
    }

    /// Today at hh:mm.
    static func today(_ hour: Int, _ minute: Int) -> Instant { at(2026, 11, 25, hour, minute) }
    /// `daysAgo` days before today at hh:mm.
    static func day(_ daysAgo: Int, _ hour: Int, _ minute: Int) -> Instant {
        let d = CivilDate(year: 2026, month: 11, day: 25).adding(days: -daysAgo)
        return at(d.year, d.month, d.day, hour, minute)
    }

    static let now = today(15, 0)
    static let zone = Zone.utc

    static let goals = Goals(waterMilliliters: 2000, targetMilligrams: [.sodium: 1500, .magnesium: 300],
                             capMilligrams: [.magnesium: 400])

    static let records = DiaryRecords(
        drinks: [
            Drink(milliliters: 2000, time: day(1, 12, 0)),
            Drink(milliliters: 250, time: today(8, 0)),
            Drink(milliliters: 500, time: today(10, 30), note: "after run"),
            Drink(milliliters: 500, time: today(14, 3)),
        ],
        doses: [
            Dose(electrolyte: .magnesium, milligrams: 200, time: today(9, 0)),
            Dose(electrolyte: .potassium, milligrams: 300, time: today(12, 0)),
            Dose(electrolyte: .magnesium, milligrams: 250, time: today(13, 0)),
        ],
        cramps: [
            Cramp(time: day(1, 23, 30), muscle: "foot", severity: 4, atNight: true),
            Cramp(time: today(3, 10), muscle: "calf", severity: 6, atNight: true),
        ],
        reminderEvents: [
            ReminderEventRecord(reminderID: "magnesium", event: .missed, planned: day(1, 21, 0), actual: day(1, 21, 30)),
            ReminderEventRecord(reminderID: "magnesium", event: .catchUp, planned: day(1, 21, 0), actual: day(1, 21, 31)),
            ReminderEventRecord(reminderID: "magnesium", event: .done, planned: day(1, 21, 0), actual: day(1, 21, 40)),
            ReminderEventRecord(reminderID: "water", event: .due, planned: today(9, 0), actual: today(9, 0)),
            ReminderEventRecord(reminderID: "water", event: .done, planned: today(9, 0), actual: today(9, 5)),
            ReminderEventRecord(reminderID: "water", event: .due, planned: today(11, 0), actual: today(11, 0)),
            ReminderEventRecord(reminderID: "water", event: .skipped, planned: today(13, 0), actual: today(13, 0)),
        ])

    static let stillDue = [
        PendingReminder(reminderID: "magnesium", due: today(21, 0), amountText: "200 mg"),
        PendingReminder(reminderID: "water", due: today(16, 0), amountText: "250 ml"),
    ]
}
