/// Writes the normalized form of a calendar expression the way `systemd-analyze calendar`
/// prints "Normalized form:": `Mon..Wed,Fri *-*-01/2 08:00/30:00.500000 Europe/Berlin`.
enum CalendarFormatter {
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    static func format(_ e: CalendarExpression) -> String {
        var out = ""
        if e.weekdayBits != 0 && e.weekdayBits != 0x7f {
            out += weekdays(e.weekdayBits) + " "
        }
        out += chain(e.years, width: 4) + "-" + chain(e.months, width: 2) + (e.endOfMonth ? "~" : "-") + chain(e.days, width: 2)
        out += " " + chain(e.hours, width: 2) + ":" + chain(e.minutes, width: 2) + ":" + secondsChain(e.seconds)
        switch e.zone {
        case .local: break
        case .utc: out += " UTC"
        case .named(let z): out += " " + z.name
        case .localAbbreviation(let name, _): out += " " + name
        }
        return out
    }

    /// Runs of three or more days become `a..b`, runs of two `a,b`.
    static func weekdays(_ bits: UInt8) -> String {
        var parts: [String] = []
        var day = 0
        while day < 7 {
            guard bits & (1 << day) != 0 else { day += 1; continue }
            var last = day
            while last + 1 < 7 && bits & (1 << (last + 1)) != 0 { last += 1 }
            switch last - day {
            case 0: parts.append(weekdayNames[day])
            case 1: parts.append(weekdayNames[day] + "," + weekdayNames[last])
            default: parts.append(weekdayNames[day] + ".." + weekdayNames[last])
            }
            day = last + 1
        }
        return parts.joined(separator: ",")
    }

    static func padded(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func chain(_ c: CalendarChain?, width: Int) -> String {
        guard let c else { return "*" }
        return c.map { component in
            var s = padded(component.start, width)
            if component.stop > 0 { s += ".." + padded(component.stop, width) }
            if component.repeatStep > 0 && !(component.stop > 0 && component.repeatStep == 1) { s += "/" + String(component.repeatStep) }
            return s
        }.joined(separator: ",")
    }

    /// Seconds with microseconds: `05`, `01.500000`, `00/0.500000`; every whole second is `*`.
    static func secondsChain(_ c: CalendarChain) -> String {
        if c == [CalendarComponent(start: 0, repeatStep: 1_000_000)] { return "*" }
        return c.map { component in
            var s = seconds(component.start)
            if component.stop > 0 { s += ".." + seconds(component.stop) }
            if component.repeatStep > 0 && !(component.stop > 0 && component.repeatStep == 1_000_000) {
                s += "/" + String(component.repeatStep / 1_000_000)
                if component.repeatStep % 1_000_000 > 0 { s += "." + padded(component.repeatStep % 1_000_000, 6) }
            }
            return s
        }.joined(separator: ",")
    }

    static func seconds(_ microseconds: Int) -> String {
        var s = padded(microseconds / 1_000_000, 2)
        if microseconds % 1_000_000 > 0 { s += "." + padded(microseconds % 1_000_000, 6) }
        return s
    }
}
