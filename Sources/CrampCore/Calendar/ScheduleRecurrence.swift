/// How a reminder's schedule goes into a calendar: as a daily recurrence (RRULE) when one
/// reproduces exactly what crampd will fire over the days exported, otherwise as the
/// occurrences themselves.
///
/// The candidate rule comes from the schedule's shape (`at` times and days; `every` with
/// `anchor = "window"`, an interval under a day and windows within a day: the window starts
/// and the steps after them; `calendar` expressions that name no year, month or day: the times
/// they give, on their weekdays). It is kept only when expanding it the way iCalendar does (a
/// local time the clock skips lands after the jump, a repeated one at its first occurrence)
/// gives the same instants as `Schedule.nextDue` over the span; a DST day that crampd handles
/// differently, an anchor on the last confirmation, or a calendar of dates fall back to the
/// occurrences.
public enum ScheduleRecurrence: Sendable, Equatable {
    case daily(DailyRecurrence)
    case occurrences([Instant])

    /// `allowRule` false: the occurrences in any case (a zone the calendar cannot describe).
    public static func of(_ schedule: Schedule, in zone: Zone, lastDone: Instant?, now: Instant, days: Int,
                          allowRule: Bool = true, limit: Int = 5000) -> ScheduleRecurrence {
        let end = now + .hours(Int64(days) * 24)
        var expected: [Instant] = []
        var t = now
        while expected.count < limit, let next = schedule.nextDue(after: t, in: zone, lastDone: lastDone), next <= end {
            expected.append(next); t = next
        }
        // Past the limit the rule is compared up to the last occurrence listed.
        if allowRule, let last = expected.last, let candidate = candidate(schedule, in: zone, lastDone: lastDone, occurrences: expected),
           candidate.instants(in: zone, after: now, through: min(end, last), limit: limit) == expected {
            var rule = candidate
            rule.first = expected[0]
            return .daily(rule)
        }
        return .occurrences(expected)
    }

    static func candidate(_ schedule: Schedule, in zone: Zone, lastDone: Instant?, occurrences: [Instant]) -> DailyRecurrence? {
        switch schedule {
        case .at(let s):
            return DailyRecurrence(times: s.times, days: s.days)
        case .every(let s):
            let day: Int64 = 86_400_000_000
            guard s.anchor == .window || lastDone == nil, s.interval.microseconds < day, s.interval.microseconds > 0,
                  s.windows.allSatisfy({ !$0.crossesMidnight }) else { return nil }
            let windows = s.windows.isEmpty ? [DailyWindow(start: TimeOfDay(hour: 0, minute: 0), end: TimeOfDay(hour: 0, minute: 0))] : s.windows.sorted { $0.start < $1.start }
            var times: [TimeOfDay] = []
            var last: Int64?
            for w in windows {
                let start = w.start.microsecondsSinceMidnight
                let stop = s.windows.isEmpty ? day : w.end.microsecondsSinceMidnight
                var k = start
                if let last, k < last + s.interval.microseconds {
                    k = start + (last + s.interval.microseconds - start + s.interval.microseconds - 1) / s.interval.microseconds * s.interval.microseconds
                }
                while k < stop { times.append(Self.time(k)); last = k; k += s.interval.microseconds }
            }
            return DailyRecurrence(times: times, days: s.days)
        case .calendar(let e):
            guard e.years == nil, e.months == nil, e.days == nil, !e.endOfMonth, case .local = e.zone else { return nil }
            let days = e.weekdayBits == 0 ? Set(Weekday.allCases) : Set(Weekday.allCases.filter { e.weekdayBits & (1 << $0.rawValue) != 0 })
            var times = Set<TimeOfDay>()
            for o in occurrences { times.insert(zone.localDateTime(at: o).time) }
            return DailyRecurrence(times: times.sorted(), days: days)
        case .after:
            // Follows another reminder's confirmation: no rule can say when (ScheduleCalendar leaves it out).
            return nil
        }
    }

    static func time(_ microseconds: Int64) -> TimeOfDay {
        let s = microseconds / 1_000_000
        return TimeOfDay(hour: Int(s / 3600), minute: Int(s / 60 % 60), second: Int(s % 60), microsecond: Int(microseconds % 1_000_000))
    }
}

/// Every listed time of day on the listed weekdays: `RRULE:FREQ=DAILY;BYDAY=…;BYHOUR=…`.
public struct DailyRecurrence: Sendable, Equatable {
    public var times: [TimeOfDay]
    public var days: Set<Weekday>
    /// The first occurrence, the event's DTSTART.
    public var first: Instant = Instant(microseconds: 0)

    public init(times: [TimeOfDay], days: Set<Weekday>) { self.times = times.sorted(); self.days = days }

    /// What an iCalendar reader makes of the rule in `zone`, in (after, through].
    func instants(in zone: Zone, after: Instant, through end: Instant, limit: Int) -> [Instant]? {
        guard times.allSatisfy({ $0.microsecond == 0 }) else { return nil }
        var out: [Instant] = []
        // From the day before: an offset change can bring its late times after `after`.
        var date = zone.localDateTime(at: after).date.adding(days: -1)
        let last = zone.localDateTime(at: end).date.adding(days: 1)
        while date <= last && out.count <= limit + times.count {
            defer { date = date.adding(days: 1) }
            guard days.contains(date.weekday) else { continue }
            for time in times {
                let t = Self.icalendarInstant(LocalDateTime(date: date, time: time), in: zone)
                if t > after && t <= end { out.append(t) }
            }
        }
        return out.sorted()
    }

    /// RFC 5545 §3.3.5: a local time the clock skips means the same time in the offset before
    /// the jump (so it lands after it); one shown twice means its first occurrence.
    static func icalendarInstant(_ local: LocalDateTime, in zone: Zone) -> Instant {
        switch zone.resolve(local) {
        case .unique(let t): return t
        case .repeated(let earlier, _): return earlier
        case .gap(let jump):
            let before = zone.offsetSeconds(at: jump - TimeSpan(microseconds: 1))
            let naive = local.date.daysSinceEpoch * 86_400_000_000 + local.time.microsecondsSinceMidnight
            return Instant(microseconds: naive - Int64(before) * 1_000_000)
        }
    }
}
