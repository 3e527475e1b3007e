/// Times of day, daily windows and weekday names as written in the config.
///
/// ```
/// time   = hour ":" 2DIGIT [ ":" 2DIGIT ]      ; "08:30", "8:30", "21:00:15"
/// hour   = 1*2DIGIT                            ; 0-23
/// window = time [ws] "-" [ws] time             ; "08:00-21:00", "22:30-07:00"
/// day    = "mon" / "tue" / … / "sun"           ; or a range "mon..fri"
/// ```
/// A window whose end is not after its start crosses midnight; one that
/// starts and ends at the same time is empty and refused.
public enum TimeSyntax {
    public static let timeExample = "\"HH:MM\" or \"HH:MM:SS\""
    public static let windowExample = "\"HH:MM-HH:MM\", like \"08:00-21:00\""

    /// `nil` when `text` is not a valid time of day.
    public static func parseTime(_ text: String) -> TimeOfDay? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3 else { return nil }
        guard let hour = number(fields[0], digits: 1...2), hour < 24,
              let minute = number(fields[1], digits: 2...2), minute < 60 else { return nil }
        var second = 0
        if fields.count == 3 {
            guard let s = number(fields[2], digits: 2...2), s < 60 else { return nil }
            second = s
        }
        return TimeOfDay(hour: hour, minute: minute, second: second)
    }

    /// The reason a window is refused.
    public enum WindowProblem: Error, Equatable {
        case malformed
        case empty
    }

    public static func parseWindow(_ text: String) -> Result<DailyWindow, WindowProblem> {
        let halves = text.split(separator: "-", omittingEmptySubsequences: false)
        guard halves.count == 2,
              let start = parseTime(trimmed(halves[0])),
              let end = parseTime(trimmed(halves[1])) else { return .failure(.malformed) }
        guard start != end else { return .failure(.empty) }
        return .success(DailyWindow(start: start, end: end))
    }

    /// A day name or a range of them ("mon..fri", "fri..mon" wraps over the weekend).
    public static func parseDays(_ text: String) -> [Weekday]? {
        let ends = text.split(separator: ".", omittingEmptySubsequences: false)
        if ends.count == 1 { return weekday(text).map { [$0] } }
        guard ends.count == 3, ends[1].isEmpty,
              let first = weekday(String(ends[0])), let last = weekday(String(ends[2])) else { return nil }
        var days = [first]
        var day = first
        while day != last {
            day = Weekday(mondayBasedIndex: (day.rawValue + 1) % 7)
            days.append(day)
        }
        return days
    }

    /// "mon" or "monday"; lowercase, like systemd prints them.
    public static func weekday(_ name: String) -> Weekday? {
        Weekday.allCases.first { $0.shortName == name || fullNames[$0.rawValue] == name }
    }

    private static let fullNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// "08:30", or "08:30:15" when seconds are set.
    public static func format(_ time: TimeOfDay) -> String {
        let hm = twoDigits(time.hour) + ":" + twoDigits(time.minute)
        return time.second == 0 ? hm : hm + ":" + twoDigits(time.second)
    }

    public static func format(_ window: DailyWindow) -> String {
        format(window.start) + "-" + format(window.end)
    }

    /// Days in week order, runs of three or more joined: "mon..fri", "mon,wed,fri", "sat,sun".
    public static func format(_ days: Set<Weekday>) -> String {
        let sorted = days.sorted()
        var runs: [[Weekday]] = []
        for day in sorted {
            if let last = runs.last?.last, last.rawValue + 1 == day.rawValue { runs[runs.count - 1].append(day) }
            else { runs.append([day]) }
        }
        return runs.flatMap { run in
            run.count >= 3 ? [run.first!.shortName + ".." + run.last!.shortName] : run.map(\.shortName)
        }.joined(separator: ",")
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func trimmed(_ s: Substring) -> String {
        String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    private static func number(_ s: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(s.utf8.count), s.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(s)
    }
}
