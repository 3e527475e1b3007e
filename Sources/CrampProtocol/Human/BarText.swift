import CrampCore

/// `crampd ctl bar`: one status line for a status bar, a pure function of the daemon's status,
/// today's intake and `now`, so tests check the exact text.
public enum BarText {
    public enum Format: String, CaseIterable, Sendable {
        /// waybar's custom module with `"return-type": "json"`: `{"text","tooltip","class","percentage"}`.
        case waybar
        /// i3blocks with `interval=persist`: each line is the block's new full_text.
        case i3blocks
        /// The text alone, for anything else (a tmux status line, a script).
        case plain
    }

    /// What the bar shows, before it is put in a format.
    public struct State: Equatable, Sendable {
        public var text: String
        public var tooltip: String
        /// One CSS class: "stopped", "paused", "held", "due", "goal-met" or "ok", the first that applies.
        public var cssClass: String
        /// Today's water against the goal, 0 to 100 (0 without a goal).
        public var percentage: Int
    }

    public static func state(status: StatusResult, today: TodaySummary?, now: Instant, zone: Zone) -> State {
        var parts: [String] = []
        var tooltip: [String] = []
        var cssClass = "ok"
        let paused = status.pause.map { $0.until.map { $0 > now } ?? true } ?? false
        if paused, let pause = status.pause {
            let until = pause.until.map { "until " + TimeText.short($0, now: now, zone: zone) } ?? "until crampd ctl resume"
            parts.append("paused " + until)
            tooltip.append("Paused " + until)
            cssClass = "paused"
        } else if let next = status.next {
            let left = next.at > now ? "in " + TimeText.left(next.at - now) : "due now"
            parts.append("\(next.reminder) \(left)")
            tooltip.append("Next: \(next.reminder) at \(TimeText.short(next.at, now: now, zone: zone)) (\(left)): \(next.message)")
            if next.at <= now { cssClass = "due" }
        } else {
            parts.append("no reminder")
            tooltip.append("No reminder scheduled")
        }
        if let held = status.presence?.held {
            parts.insert("held (\(held.rawValue))", at: 0)
            tooltip.append("Held (\(held.rawValue)): reminders go to the journal only until you are back")
            if cssClass != "paused" { cssClass = "held" }
        }
        var percentage = 0
        if let today {
            if let goal = today.waterGoalMilliliters, goal > 0 {
                percentage = min(100, today.waterMilliliters * 100 / goal)
                parts.append("\(today.waterMilliliters)/\(goal) ml")
                tooltip.append("Water today: \(today.waterMilliliters) of \(goal) ml (\(percentage)%)")
                if today.waterGoalMet && cssClass == "ok" { cssClass = "goal-met" }
            } else {
                parts.append("\(today.waterMilliliters) ml")
                tooltip.append("Water today: \(today.waterMilliliters) ml")
            }
        }
        return State(text: parts.joined(separator: " · "), tooltip: tooltip.joined(separator: "\n"), cssClass: cssClass, percentage: percentage)
    }

    /// While crampd is not running (stopped, restarting): the bar says so instead of going stale.
    public static let stopped = State(text: "crampd stopped", tooltip: "crampd is not running; the bar reconnects when it is back",
                                      cssClass: "stopped", percentage: 0)

    /// One line in `format`, newline included.
    public static func line(_ state: State, format: Format) -> String {
        switch format {
        case .plain, .i3blocks:
            return state.text.split(separator: "\n").joined(separator: " ") + "\n"
        case .waybar:
            // waybar reads text and tooltip as Pango markup: a reminder's "&" must not break it.
            return String(decoding: WireCoding.line(Waybar(text: Markup.escaped(state.text), tooltip: Markup.escaped(state.tooltip), class: state.cssClass,
                                                            percentage: state.percentage)), as: UTF8.self)
        }
    }

    /// waybar-custom(5), RETURN-TYPE json.
    struct Waybar: Encodable {
        var text: String
        var tooltip: String
        var `class`: String
        var percentage: Int
    }

    /// How long until the text may change by itself (the minute counter): until the next
    /// whole minute of "time left", at least 1 s; nil when nothing counts down.
    public static func nextTick(status: StatusResult, now: Instant) -> TimeSpan? {
        let paused = status.pause.map { $0.until.map { $0 > now } ?? true } ?? false
        let deadline: Instant? = paused ? status.pause?.until : status.next?.at
        guard let deadline, deadline > now else { return nil }
        let remaining = (deadline - now).microseconds
        let minute: Int64 = 60_000_000
        let untilChange = remaining % minute == 0 ? minute : remaining % minute
        return TimeSpan(microseconds: max(1_000_000, untilChange))
    }
}
