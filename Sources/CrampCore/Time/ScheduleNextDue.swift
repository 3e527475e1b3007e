/// When each kind of schedule is next due.
///
/// Rules (all in the local time of `zone`):
/// - `at`: fires at each listed time of day on the allowed days. A time the clock skips
///   that day (spring forward) does not fire that day, like systemd skips `*-*-* 02:30`;
///   a time the clock shows twice (fall back) fires once, at its first occurrence.
/// - `calendar`: the systemd `OnCalendar=` semantics of `CalendarExpression.nextElapse`.
///   Where systemd 252 itself fails to compute an elapse (a few expressions with open
///   repetitions next to a DST gap), the search is retried from an hour later, so a
///   reminder is late rather than lost.
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
/// - `after`: `lastDone` is the confirmation of the other reminder (ChainSchedule.swift).
/// - Intervals of a day or more pick whole days instead (see `multiDayNextDue`).
extension Schedule {
    /// The first due time strictly after `instant`, or `nil` when there is none
    /// (no allowed days, no times, an expression that never elapses again). Zone math ends
    /// two days short of `Int64.max` (`Zone.computable`): after that, nothing is due.
    public func nextDue(after instant: Instant, in zone: Zone, lastDone: Instant?) -> Instant? {
        guard instant.microseconds < Zone.computable(.max) else { return nil }
        return switch self {
        case .at(let s): s.nextDue(after: instant, in: zone)
        case .every(let s): s.nextDue(after: instant, in: zone, lastDone: lastDone)
        case .calendar(let e): Self.calendarNextDue(e, after: instant, in: zone)
        case .after(let chain): chain.nextDue(after: instant, in: zone, anchorDone: lastDone)
        }
    }

    static func calendarNextDue(_ e: CalendarExpression, after instant: Instant, in zone: Zone) -> Instant? {
        var from = instant
        for _ in 0..<48 {
            switch e.nextElapseOutcome(after: from, in: zone) {
            case .elapse(let due): return due
            case .never: return nil
            case .failed: from = from + .hours(1)
            }
        }
        return nil
    }
}

extension AtSchedule {
    public func nextDue(after instant: Instant, in zone: Zone) -> Instant? {
        guard !times.isEmpty, !days.isEmpty else { return nil }
        let sorted = times.count == 1 ? times : times.sorted()
        var dayMask: UInt8 = 0
        for d in days { dayMask |= 1 << d.rawValue }
        let today = zone.localDateTime(at: instant).date
        // Yesterday too: an offset change can put part of yesterday's local times after `instant`.
        for offset in -1...8 {
            let date = today.adding(days: offset)
            guard dayMask & (1 << date.weekday.rawValue) != 0 else { continue }
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
        let windows = self.windows.isEmpty ? Self.wholeDay : self.windows.count == 1 ? self.windows : self.windows.sorted { $0.start < $1.start }
        var dayMask: UInt8 = 0
        for d in days { dayMask |= 1 << d.rawValue }
        let dayMicroseconds: Int64 = 86_400_000_000
        if step >= dayMicroseconds {
            return multiDayNextDue(after: instant, in: zone, lastDone: lastDone, windows: windows, dayMask: dayMask)
        }
        // The last-done anchor: nothing fires before it, the window containing it keeps its phase.
        let anchor = lastDone.map { $0 + interval }
        let today = zone.localDateTime(at: instant).date
        let lastDay = anchor.map { max(today, zone.localDateTime(at: $0).date) } ?? today
        var lastFired: Int64? = nil
        var date = today.adding(days: -2)
        while date <= lastDay.adding(days: 8) {
            defer { date = date.adding(days: 1) }
            guard dayMask & (1 << date.weekday.rawValue) != 0 else { continue }
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

    /// Intervals of a day or more: a greedy chain of drops would depend on where it started,
    /// so days are picked by the calendar instead. With `anchor = "window"` (or no `lastDone`)
    /// the schedule fires once, at the first window start, on the allowed days whose day number
    /// since 1970-01-01 is a multiple of the interval in whole days (rounded up): `every = "48h"`
    /// is every other day, the same days whenever it is asked (a 23-hour spring-forward day
    /// makes one gap an hour short of `every = "24h"`). With `lastDone` and `last-done`:
    /// `lastDone + interval`, moved to the next window start when outside every window, then
    /// at least one interval after each due time in turn.
    func multiDayNextDue(after instant: Instant, in zone: Zone, lastDone: Instant?, windows: [DailyWindow], dayMask: UInt8) -> Instant? {
        let step = interval.microseconds
        let dayMicroseconds: Int64 = 86_400_000_000
        let everyDays = Int((step + dayMicroseconds - 1) / dayMicroseconds)
        // The first moment at or after `t` that lies inside a window of an allowed day.
        func clamp(_ t: Instant) -> Instant? {
            var date = zone.localDateTime(at: t).date.adding(days: -1)
            let last = date.adding(days: 9)
            while date <= last {
                defer { date = date.adding(days: 1) }
                guard dayMask & (1 << date.weekday.rawValue) != 0 else { continue }
                for window in windows {
                    let start = Self.bound(zone, date, window.start, first: true)
                    let end = Self.bound(zone, window.crossesMidnight ? date.adding(days: 1) : date, window.end, first: false)
                    if t < end { return max(t, start) }
                }
            }
            return nil
        }
        if anchor == .lastDone, let lastDone, instant.microseconds - lastDone.microseconds <= step * 60 {
            // The chain from the confirmation: each due time at least one interval after the
            // previous one and inside a window. Sixty intervals after `lastDone` and later,
            // like the window anchor.
            var previous: Instant? = nil
            var k: Int64 = 1
            while k <= 64 {
                let target = max(lastDone + TimeSpan(microseconds: step * k), previous.map { $0 + interval } ?? lastDone)
                guard let due = clamp(target) else { return nil }
                if due > instant { return due }
                previous = due
                k = max(k + 1, (due.microseconds - lastDone.microseconds) / step + 1)
            }
        }
        // Only days whose number is a multiple of `everyDays` qualify: visit those alone (an
        // interval of a year is then as cheap as one of a day). Seven of them cover every weekday.
        let today = zone.localDateTime(at: instant).date.adding(days: -1).daysSinceEpoch
        let step64 = Int64(everyDays)
        var day = today + (step64 - today.floorModulo(step64)) % step64
        for _ in 0..<9 {
            defer { day += step64 }
            let date = CivilDate(daysSinceEpoch: day)
            guard dayMask & (1 << date.weekday.rawValue) != 0 else { continue }
            // Once on such a day, at its first window start.
            let start = Self.bound(zone, date, windows[0].start, first: true)
            if start > instant { return start }
        }
        return nil
    }

    static let wholeDay = [DailyWindow(start: TimeOfDay(hour: 0, minute: 0), end: TimeOfDay(hour: 0, minute: 0))]

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
