/// A schedule in words, for `check-config` and `crampd ctl list`:
/// "every 1h30m between 08:00-20:00 on mon..fri", "at 10:30, 15:30", "calendar Mon *-*-* 10:00:00".
public enum ScheduleWording {
    /// The schedule, and the zone whose clock it runs on when the reminder has its own:
    /// "at 21:00 (Europe/Berlin time)".
    public static func describe(_ reminder: Reminder) -> String {
        describe(reminder.schedule) + (reminder.zone.map { " (\($0.name) time)" } ?? "")
    }

    public static func describe(_ schedule: Schedule) -> String {
        switch schedule {
        case .every(let every):
            var words = "every " + DurationSyntax.format(every.interval)
            if !every.windows.isEmpty { words += " between " + every.windows.map(TimeSyntax.format).joined(separator: ", ") }
            words += onDays(every.days)
            if every.anchor == .lastDone { words += " after last done" }
            return words
        case .at(let at):
            return "at " + at.times.map(TimeSyntax.format).joined(separator: ", ") + onDays(at.days)
        case .calendar(let expression):
            return "calendar " + expression.normalized
        case .after(let chain):
            return DurationSyntax.format(chain.delay) + " after \(chain.anchorID) is done"
                + (chain.latest.map { ", at the latest " + TimeSyntax.format($0) } ?? "")
        }
    }

    /// " on mon..fri", or nothing for every day.
    private static func onDays(_ days: Set<Weekday>) -> String {
        days.count == 7 ? "" : " on " + TimeSyntax.format(days)
    }
}
