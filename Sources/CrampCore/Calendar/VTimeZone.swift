/// A zone as an iCalendar VTIMEZONE (RFC 5545 §3.6.5), from its POSIX rule (the TZif footer):
/// one STANDARD observance, and a DAYLIGHT one with yearly RRULEs when the zone has daylight
/// saving. `nil` when the rule cannot be written so (day-of-year rules, onsets outside the
/// day) or does not match the zone over the next year: the calendar then uses UTC times.
public enum VTimeZone {
    public static func lines(_ zone: Zone, now: Instant) -> [String]? {
        guard let rule = zone.rules?.footer else { return nil }
        // The rule must be what the zone does from now on (a table may still run ahead of it).
        var t = now.microseconds / 1_000_000
        for _ in 0..<(366 * 24) {
            guard rule.type(atSeconds: t).utcOffsetSeconds == zone.offsetSeconds(at: Instant(microseconds: t * 1_000_000)) else { return nil }
            t += 3600
        }
        let standard = rule.standard
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.name]
        guard let daylight = rule.daylight else {
            return lines + observance("STANDARD", start: "19700101T000000", from: standard, to: standard, rule: nil) + ["END:VTIMEZONE"]
        }
        guard let toDaylight = onset(daylight.start), let toStandard = onset(daylight.end) else { return nil }
        lines += observance("DAYLIGHT", start: toDaylight.start, from: standard, to: daylight.type, rule: toDaylight.rule)
        lines += observance("STANDARD", start: toStandard.start, from: daylight.type, to: standard, rule: toStandard.rule)
        return lines + ["END:VTIMEZONE"]
    }

    static func observance(_ kind: String, start: String, from: LocalTimeType, to: LocalTimeType, rule: String?) -> [String] {
        ["BEGIN:" + kind, "DTSTART:" + start, "TZOFFSETFROM:" + ICalendarText.offset(from.utcOffsetSeconds),
         "TZOFFSETTO:" + ICalendarText.offset(to.utcOffsetSeconds)]
            + (rule.map { ["RRULE:" + $0] } ?? []) + (to.abbreviation.isEmpty ? [] : ["TZNAME:" + ICalendarText.escaped(to.abbreviation)])
            + ["END:" + kind]
    }

    /// "M3.5.0/2" → first onset in 1970 and `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`.
    static func onset(_ t: POSIXTimeZoneRule.TransitionRule) -> (start: String, rule: String)? {
        guard case .monthWeekDay(let month, let week, let weekday) = t.day, (0..<86_400).contains(t.timeSeconds) else { return nil }
        let date = t.day.date(in: 1970)
        let time = TimeOfDay(hour: t.timeSeconds / 3600, minute: t.timeSeconds / 60 % 60, second: t.timeSeconds % 60)
        let day = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][weekday]
        return (ICalendarText.local(LocalDateTime(date: date, time: time)),
                "FREQ=YEARLY;BYMONTH=\(month);BYDAY=\(week == 5 ? "-1" : String(week))\(day)")
    }
}
