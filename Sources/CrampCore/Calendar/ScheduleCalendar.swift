/// `crampd ctl export --ics`: the reminders' schedules as an iCalendar file (RFC 5545), for
/// people who want them in their calendar.
///
/// One VEVENT per reminder with an RRULE when a daily rule reproduces the schedule exactly
/// (`ScheduleRecurrence`: all its times in one rule when they are every combination of their
/// hours, minutes and seconds, else one event per time of day), else one VEVENT per
/// occurrence over the days asked. UIDs are stable: `<reminder>@crampd`, `<reminder>.<HHMMSS>@crampd`
/// or `<reminder>.<UTC time>@crampd`. Rules carry a TZID and the zone's VTIMEZONE (from its
/// POSIX rule: yearly STANDARD and DAYLIGHT onsets); in UTC, or a zone without such a rule,
/// times are UTC. Quiet hours, caps and the smart rules do not change the calendar (it shows
/// the plan); DESCRIPTION says so.
public enum ScheduleCalendar {
    public static let allowedDays = 1...366
    /// The most occurrences listed in all (an `every = "1m"` over a year would be 525 600);
    /// each reminder gets its share, at least 100.
    public static let maximumOccurrences = 10_000

    /// A reminder as the calendar needs it: its schedule's zone, its last confirmation (for
    /// `anchor = "last-done"`).
    public struct Entry: Sendable {
        public var reminder: Reminder
        public var zone: Zone
        public var lastDone: Instant?
        public init(reminder: Reminder, zone: Zone, lastDone: Instant?) { self.reminder = reminder; self.zone = zone; self.lastDone = lastDone }
    }

    public static func render(_ entries: [Entry], quietHours: [DailyWindow], now: Instant, days: Int, version: String) -> String {
        let days = min(max(days, allowedDays.lowerBound), allowedDays.upperBound)
        var zones: [Zone] = []
        var vtimezones: [String: [String]?] = [:]  // by zone name: each zone is checked once
        func vtimezone(_ zone: Zone) -> [String]? {
            if let known = vtimezones[zone.name] { return known }
            let lines = VTimeZone.lines(zone, now: now)
            vtimezones[zone.name] = .some(lines)
            return lines
        }
        var events: [[String]] = []
        for entry in entries where entry.reminder.enabled {
            // A reminder `after` another falls due only once that one is confirmed: a calendar
            // cannot know when, so it is left out rather than guessed.
            if case .after = entry.reminder.schedule { continue }
            let r = entry.reminder
            let description = describe(r, quietHours: quietHours)
            func event(uid: String, start: [String], rule: String?) -> [String] {
                ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + ICalendarText.utc(now)] + start
                    + (rule.map { ["RRULE:" + $0] } ?? [])
                    + ["DURATION:PT5M", "SUMMARY:" + ICalendarText.escaped(r.message), "DESCRIPTION:" + ICalendarText.escaped(description),
                       "CATEGORIES:crampd," + r.kind.rawValue, "END:VEVENT"]
            }
            let zone = entry.zone
            let useTZID = !isUTC(zone) && vtimezone(zone) != nil
            let recurrence = ScheduleRecurrence.of(r.schedule, in: zone, lastDone: entry.lastDone, now: now, days: days,
                                                   allowRule: useTZID || isUTC(zone),
                                                   limit: max(100, maximumOccurrences / max(1, entries.count)))
            switch recurrence {
            case .daily(let rule):
                if useTZID && !zones.contains(zone) { zones.append(zone) }
                let firstLocal = zone.localDateTime(at: rule.first)
                func start(_ time: TimeOfDay) -> [String] {
                    let local = LocalDateTime(date: firstLocal.date, time: time)
                    return useTZID ? ["DTSTART;TZID=" + ICalendarText.parameter(zone.name) + ":" + ICalendarText.local(local)]
                        : ["DTSTART:" + ICalendarText.local(local) + "Z"]
                }
                let byDay = rule.days.count == 7 ? "" : ";BYDAY=" + Weekday.allCases.filter(rule.days.contains).map(dayCode).joined(separator: ",")
                if rule.times.count == 1 {
                    events.append(event(uid: r.id + "@crampd", start: start(firstLocal.time), rule: "FREQ=DAILY" + byDay))
                } else if let grid = grid(rule.times) {
                    // DTSTART is the first occurrence; the rule lists the rest of each day.
                    events.append(event(uid: r.id + "@crampd", start: start(firstLocal.time),
                                        rule: "FREQ=DAILY" + byDay + ";BYHOUR=" + grid.hours + ";BYMINUTE=" + grid.minutes + ";BYSECOND=" + grid.seconds))
                } else {
                    for time in rule.times {
                        // Each time's series starts on the first day it is still ahead.
                        let date = LocalDateTime(date: firstLocal.date, time: time) < firstLocal ? firstLocal.date.adding(days: 1) : firstLocal.date
                        let stamp = ICalendarText.local(LocalDateTime(date: date, time: time))
                        let begin = useTZID ? ["DTSTART;TZID=" + ICalendarText.parameter(zone.name) + ":" + stamp] : ["DTSTART:" + stamp + "Z"]
                        events.append(event(uid: r.id + "." + stamp.suffix(6) + "@crampd", start: begin, rule: "FREQ=DAILY" + byDay))
                    }
                }
            case .occurrences(let instants):
                for t in instants {
                    events.append(event(uid: r.id + "." + ICalendarText.utc(t) + "@crampd", start: ["DTSTART:" + ICalendarText.utc(t)], rule: nil))
                }
            }
        }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//crampd//crampd \(version)//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:crampd reminders"]
        for zone in zones { lines += vtimezone(zone) ?? [] }
        for e in events { lines += e }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.folded).joined()
    }

    /// UTC, or a zone that never leaves offset 0: plain UTC times need no VTIMEZONE.
    static func isUTC(_ zone: Zone) -> Bool {
        guard let rules = zone.rules else { return true }
        return rules.types.allSatisfy { $0.utcOffsetSeconds == 0 }
            && (rules.footer.map { $0.daylight == nil && $0.standard.utcOffsetSeconds == 0 } ?? true)
    }

    static func describe(_ r: Reminder, quietHours: [DailyWindow]) -> String {
        var text = "crampd reminder \"\(r.id)\" (\(r.kind.rawValue)\(r.amountText.map { ", " + $0 } ?? "")): \(ScheduleWording.describe(r))."
        if !quietHours.isEmpty {
            text += " Quiet hours (\(quietHours.map { TimeSyntax.format($0) }.joined(separator: ", "))) hold what falls due inside them until they end."
        }
        text += " A dose cap, a met water goal or a drink logged recently may skip one. The calendar shows the plan, not these: crampd ctl next shows what will really fire."
        return text
    }

    static func dayCode(_ d: Weekday) -> String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][d.rawValue] }

    /// The times as BYHOUR × BYMINUTE × BYSECOND, when they are exactly every combination.
    static func grid(_ times: [TimeOfDay]) -> (hours: String, minutes: String, seconds: String)? {
        let h = Set(times.map(\.hour)).sorted(), m = Set(times.map(\.minute)).sorted(), s = Set(times.map(\.second)).sorted()
        guard h.count * m.count * s.count == Set(times).count else { return nil }
        func list(_ a: [Int]) -> String { a.map(String.init).joined(separator: ",") }
        return (list(h), list(m), list(s))
    }
}
