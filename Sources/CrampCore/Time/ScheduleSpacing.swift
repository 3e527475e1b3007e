/// The one flood rule for every kind of schedule: no reminder fires more often than once
/// a minute. Decided from the schedule's parts, not by sampling elapses, so it holds for
/// every date.
extension Schedule {
    public static let minimumSpacing = TimeSpan.minutes(1)
}

extension CalendarExpression {
    /// Whether two elapses can lie less than a minute apart: the seconds field allows more
    /// than one value in a minute (`*:*:*`, `*:*:0/30`, `*:*:5,10`). With one seconds value,
    /// elapses are whole local minutes apart, and a minute apart in real time in every zone
    /// whose offsets are whole minutes (all of today's).
    public var elapsesMoreThanOncePerMinute: Bool {
        let lastSecond = 60 * 1_000_000 - 1  // seconds are kept in microseconds
        var values = Set<Int>()
        for component in seconds where component.start <= lastSecond {
            let stop = component.stop < 0 ? lastSecond : min(component.stop, lastSecond)
            if component.repeatStep > 0, component.start + component.repeatStep <= stop { return true }
            values.insert(component.start)
        }
        return values.count > 1
    }
}

extension AtSchedule {
    /// Two listed times less than a minute apart, across midnight too; `nil` when there are none.
    public var timesCloserThanAMinute: (TimeOfDay, TimeOfDay)? {
        let sorted = times.sorted()
        guard sorted.count > 1 else { return nil }
        let day: Int64 = 86_400_000_000
        for (index, time) in sorted.enumerated() {
            let next = sorted[(index + 1) % sorted.count]
            var gap = next.microsecondsSinceMidnight - time.microsecondsSinceMidnight
            if gap <= 0 { gap += day }
            if gap < Schedule.minimumSpacing.microseconds { return (time, next) }
        }
        return nil
    }
}
