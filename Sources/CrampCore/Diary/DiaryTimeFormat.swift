/// How diary times read in output: local wall clock in the diary's zone, fixed width, no locale.
public enum DiaryTimeFormat {
    /// "14:03"
    public static func clock(_ instant: Instant, in zone: Zone) -> String {
        let t = zone.localDateTime(at: instant).time
        return pad(t.hour, 2) + ":" + pad(t.minute, 2)
    }

    /// "2026-11-25 14:03"
    public static func minute(_ instant: Instant, in zone: Zone) -> String {
        date(zone.localDateTime(at: instant).date) + " " + clock(instant, in: zone)
    }

    /// "2026-11-25 14:03:07": what spreadsheets recognise as a date and time.
    public static func spreadsheet(_ instant: Instant, in zone: Zone) -> String {
        let l = zone.localDateTime(at: instant)
        return date(l.date) + " " + pad(l.time.hour, 2) + ":" + pad(l.time.minute, 2) + ":" + pad(l.time.second, 2)
    }

    /// "2026-11-25T14:03:07+01:00": exact, with the offset in force then (RFC 3339).
    public static func rfc3339(_ instant: Instant, in zone: Zone) -> String {
        let l = zone.localDateTime(at: instant)
        return date(l.date) + "T" + pad(l.time.hour, 2) + ":" + pad(l.time.minute, 2) + ":" + pad(l.time.second, 2)
            + offset(zone.offsetSeconds(at: instant))
    }

    /// "+01:00", "-03:30", "+00:00"
    public static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
    }

    /// "2026-11-25"
    public static func date(_ d: CivilDate) -> String { d.isoText }

    /// "Wed 11-25": a short day label for charts.
    public static func dayLabel(_ d: CivilDate) -> String {
        let name = d.weekday.shortName
        return name.prefix(1).uppercased() + name.dropFirst() + " " + pad(d.month, 2) + "-" + pad(d.day, 2)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(abs(n))
        return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
