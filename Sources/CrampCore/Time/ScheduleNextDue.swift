/// When each kind of schedule is next due.
///
/// Rules (all in the local time of `zone`):
/// - `at`: fires at each listed time of day on the allowed days. A time the clock skips
///   that day (spring forward) does not fire that day, like systemd skips `*-*-* 02:30`;
///   a time the clock shows twice (fall back) fires once, at its first occurrence.
/// - `calendar`: the systemd `OnCalendar=` semantics of `CalendarExpression.nextElapse`.
/// - `every` with windows: fires at the window start, start + interval, start + 2·interval, …
///   while before the window end (a window is half-open, `[start, end)`). The interval is
///   real elapsed time, so a DST change inside a window neither doubles nor drops a reminder.
///   A window whose end is not after its start (`22:00-02:00`) crosses midnight and belongs
///   to the day it starts; `days` filter that day. No windows is one window `00:00-24:00`.
///   A window bound the clock skips is moved to the instant of the jump; a bound the clock
///   shows twice is taken at its first occurrence for a start, its last for an end.
/// - `every` never fires twice within its interval: where windows overlap or follow each
///   other closely, a time less than one interval after the previous firing is dropped.
///   (The firings are computed from two days before `instant`, so this holds for any chain
///   of windows shorter than that.)
/// - `anchor = "last-done"` with `lastDone` set: the first firing is `lastDone + interval`,
///   or the start of the next window when that falls outside every window; the firings
///   inside that window keep this phase; later windows start at their start again.
///   Without `lastDone` it behaves like `anchor = "window"`.
extension Schedule {
    /// The first due time strictly after `instant`, or `nil` when there is none
    /// (no allowed days, no times, an expression that never elapses again).
    public func nextDue(after instant: Instant, in zone: Zone, lastDone: Instant?) -> Instant? {
        switch self {
        case .at(let s): s.nextDue(after: instant, in: zone)
        case .every(let s): s.nextDue(after: instant, in: zone, lastDone: lastDone)
        case .calendar(let e): e.nextElapse(after: instant, in: zone)
        }
    }
}

extension AtSchedule {
    public func nextDue(after instant: Instant, in zone: Zone) -> Instant? {
        guard !times.isEmpty, !days.isEmpty else { return nil }
        let sorted = times.sorted()
        let today = zone.localDateTime(at: instant).date
        // Yesterday too: an offset change can put part of yesterday's local times after `instant`.
        for offset in -1...8 {
            let date = today.adding(days: offset)
            guard days.contains(date.weekday) else { continue }
            for time in sorted {
                let candidate: Instant
                switch zone.resolve(LocalDateTime(date: date, time: time)) {
                case .unique(let i): candidate = i
                case .repeated(let earlier, _): candidate = earlier
                case .gap: continue
                }
                if candidate > instant { return candidate }
            }
        }
        return nil
    }
}

extension EverySchedule {
    public func nextDue(after instant: Instant, in zone: Zone, lastDone: Instant?) -> Instant? {
        let step = interval.microseconds
        guard step > 0, !days.isEmpty else { return nil }
        let windows = (self.windows.isEmpty ? [DailyWindow(start: TimeOfDay(hour: 0, minute: 0), end: TimeOfDay(hour: 0, minute: 0))] : self.windows)
            .sorted { $0.start < $1.start }
        // The last-done anchor: nothing fires before it, the window containing it keeps its phase.
        let anchor = lastDone.map { $0 + interval }
        let today = zone.localDateTime(at: instant).date
        let lastDay = anchor.map { max(today, zone.localDateTime(at: $0).date) } ?? today
        var lastFired: Int64? = nil
        var date = today.adding(days: -2)
        while date <= lastDay.adding(days: 8) {
            defer { date = date.adding(days: 1) }
            guard days.contains(date.weekday) else { continue }
            for window in windows {
                let start = Self.bound(zone, date, window.start, first: true)
                let end = Self.bound(zone, window.crossesMidnight ? date.adding(days: 1) : date, window.end, first: false)
                var origin = start.microseconds
                if let anchor {
                    if end <= anchor { continue }
                    origin = max(origin, anchor.microseconds)
                }
                // Firings of this window are origin + k·step < end, k >= 0; skip those too close
                // to the previous firing, then report the first after `instant`.
                var lowest = origin
                if let lastFired { lowest = max(lowest, lastFired + step) }
                let first = origin + Self.ceilDiv(lowest - origin, step) * step
                guard first < end.microseconds else { continue }
                let wanted = max(first, instant.microseconds + 1)
                let due = origin + Self.ceilDiv(wanted - origin, step) * step
                if due < end.microseconds { return Instant(microseconds: due) }
                lastFired = origin + (end.microseconds - 1 - origin) / step * step
            }
        }
        return nil
    }

    /// A window bound as an instant: a skipped time becomes the jump, a repeated one its first
    /// (start) or last (end) occurrence.
    static func bound(_ zone: Zone, _ date: CivilDate, _ time: TimeOfDay, first: Bool) -> Instant {
        switch zone.resolve(LocalDateTime(date: date, time: time)) {
        case .unique(let i): i
        case .gap(let transition): transition
        case .repeated(let earlier, let later): first ? earlier : later
        }
    }

    static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 { a <= 0 ? 0 : (a + b - 1) / b }
}
