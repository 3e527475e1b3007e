// TEMPORARY: stands in for the schedule engine of branch `time` so the agenda
// builds before it is merged; deleted at that merge (same signature, so the
// merge will not compile until this file is gone). Good enough for UTC tests only.
extension Schedule {
    func nextDue(after instant: Instant, in zone: Zone, lastDone: Instant?) -> Instant? {
        switch self {
        case .calendar: return nil
        case .at(let at):
            let today = zone.localDateTime(at: instant).date
            for offset in 0...8 {
                let date = today.adding(days: offset)
                guard at.days.contains(date.weekday) else { continue }
                for time in at.times.sorted() {
                    let candidate = Instant(microseconds: LocalDateTime(date: date, time: time).microsecondsSinceEpochAsUTC
                                            - Int64(zone.offsetSeconds(at: instant)) * 1_000_000)
                    if candidate > instant { return candidate }
                }
            }
            return nil
        case .every(let every):
            let step = every.interval.microseconds
            if every.anchor == .lastDone, let lastDone {
                let k = max(0, (instant.microseconds - lastDone.microseconds).floorDivided(by: step)) + 1
                return Instant(microseconds: lastDone.microseconds + k * step)
            }
            let windows = every.windows.isEmpty
                ? [DailyWindow(start: TimeOfDay(hour: 0, minute: 0), end: TimeOfDay(hour: 0, minute: 0))] : every.windows
            let today = zone.localDateTime(at: instant).date
            var best: Instant?
            for offset in -1...8 {
                let date = today.adding(days: offset)
                guard every.days.contains(date.weekday) else { continue }
                for window in windows {
                    let start = LocalDateTime(date: date, time: window.start).microsecondsSinceEpochAsUTC
                    let end = LocalDateTime(date: window.crossesMidnight ? date.adding(days: 1) : date, time: window.end)
                        .microsecondsSinceEpochAsUTC
                    let k = instant.microseconds < start ? 0 : (instant.microseconds - start).floorDivided(by: step) + 1
                    let candidate = start + k * step
                    if candidate < end, best.map({ candidate < $0.microseconds }) ?? true {
                        best = Instant(microseconds: candidate)
                    }
                }
            }
            return best
        }
    }
}
