import CrampCore

/// Times and spans in words for `crampd ctl`: pure functions of the value, `now` and a zone.
public enum TimeText {
    /// "14:45"
    public static func clock(_ instant: Instant, zone: Zone) -> String {
        let t = zone.localDateTime(at: instant).time
        return pad2(t.hour) + ":" + pad2(t.minute)
    }

    /// "14:45:07"
    public static func seconds(_ instant: Instant, zone: Zone) -> String {
        let t = zone.localDateTime(at: instant).time
        return pad2(t.hour) + ":" + pad2(t.minute) + ":" + pad2(t.second)
    }

    /// "14:45" today, "Thu 14:45" within six days either side, else "2026-12-02 14:45".
    public static func short(_ instant: Instant, now: Instant, zone: Zone) -> String {
        let local = zone.localDateTime(at: instant)
        let days = local.date.daysSinceEpoch - zone.localDateTime(at: now).date.daysSinceEpoch
        let hm = pad2(local.time.hour) + ":" + pad2(local.time.minute)
        if days == 0 { return hm }
        if abs(days) <= 6 { return weekdayName(local.date) + " " + hm }
        return date(local.date) + " " + hm
    }

    /// "Wed 2026-11-25 14:45:00 CET", like `systemctl`.
    public static func full(_ instant: Instant, zone: Zone) -> String {
        let local = zone.localDateTime(at: instant)
        let t = local.time
        return weekdayName(local.date) + " " + date(local.date) + " "
            + pad2(t.hour) + ":" + pad2(t.minute) + ":" + pad2(t.second) + " " + zone.abbreviation(at: instant)
    }

    /// A span in at most two units, rounded down: "30s", "45min", "1h 30min", "7h", "2d 3h".
    public static func span(_ span: TimeSpan) -> String {
        let seconds = abs(span.microseconds) / 1_000_000
        let (d, h, m, s) = (seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60, seconds % 60)
        if d > 0 { return h > 0 ? "\(d)d \(h)h" : "\(d)d" }
        if h > 0 { return m > 0 ? "\(h)h \(m)min" : "\(h)h" }
        if m > 0 { return "\(m)min" }
        return "\(s)s"
    }

    /// A LEFT column: always to the minute, every unit from the largest on shown, so rows
    /// compare at a glance: "39min", "16h 9min", "1d 0h 39min"; "<1min" under a minute.
    public static func left(_ span: TimeSpan) -> String {
        let minutes = abs(span.microseconds) / 60_000_000
        let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        if d > 0 { return "\(d)d \(h)h \(m)min" }
        if h > 0 { return "\(h)h \(m)min" }
        return m > 0 ? "\(m)min" : "<1min"
    }

    /// "in 12min", "3h ago", "now" (within a second).
    public static func relative(_ instant: Instant, now: Instant) -> String {
        let delta = instant - now
        if abs(delta.microseconds) < 1_000_000 { return "now" }
        return delta.microseconds > 0 ? "in " + span(delta) : span(delta) + " ago"
    }

    /// "2026-11-25"
    public static func date(_ date: CivilDate) -> String { date.isoText }

    /// "Mon" … "Sun"
    public static func weekdayName(_ date: CivilDate) -> String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.weekday.rawValue]
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Aligned columns like `systemctl list-timers`: two spaces apart, the last column not padded.
public func alignedTable(header: [String], rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
        var line = ""
        for (column, cell) in row.enumerated() {
            line += cell
            if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - cell.count + 2) }
        }
        while line.last == " " { line.removeLast() }
        return line
    }.joined(separator: "\n")
}
