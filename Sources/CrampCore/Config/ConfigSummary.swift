/// What `crampd check-config` prints for a valid config: the files in use, the settings,
/// and each reminder with its schedule in words and its next due times in local time.
public enum ConfigSummary {
    /// - zoneNote: how the zone was chosen, shown after its name ("system", "from the config").
    public static func render(_ loaded: LoadedConfig, zone: Zone, zoneNote: String, now: Instant, dueCount: Int = 3) -> String {
        let config = loaded.config, daemon = config.daemon
        var lines = ["Files in use, in merge order:"]
        lines += loaded.files.map { "  " + $0 }
        if !loaded.warnings.isEmpty {
            lines.append("Warnings:")
            lines += loaded.warnings.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 } }
        }
        lines.append("Time zone: \(zone.name) (\(zoneNote))")
        lines.append("Quiet hours: " + (daemon.quietHours.isEmpty ? "none" : daemon.quietHours.map(TimeSyntax.format).joined(separator: ", ")))
        lines.append("Notify: " + NotifyChannel.allCases.filter(daemon.notify.contains).map(\.rawValue).joined(separator: ", "))
        lines.append("Grace: \(DurationSyntax.format(daemon.grace)), catch-up: \(daemon.catchUp.rawValue), snooze: \(DurationSyntax.format(daemon.snooze))")
        lines.append("Goals: " + goalsText(config.goals))
        for hook in config.hooks {
            lines.append("Hook \(hook.index): on \(hook.on.joined(separator: ", ")) runs \(hook.exec.joined(separator: " ")) (timeout \(DurationSyntax.format(hook.timeout)))")
        }
        lines.append("")
        lines.append(config.reminders.count == 1 ? "1 reminder:" : "\(config.reminders.count) reminders:")
        for reminder in config.reminders {
            lines.append("  " + reminder.id + " (" + ([reminder.kind.rawValue, reminder.electrolyte?.rawValue, reminder.amountText]
                .compactMap { $0 }.joined(separator: ", ")) + ")")
            lines.append("    " + ScheduleWording.describe(reminder))
            if let within = reminder.skipIfLoggedWithin {
                lines.append("    skipped when a drink was logged within \(DurationSyntax.format(within))")
            }
            if let catchUp = reminder.catchUp { lines.append("    catch-up: \(catchUp.rawValue)") }
            guard reminder.enabled else { lines.append("    disabled (enabled = false)"); continue }
            let dues = nextDueTimes(reminder.schedule, after: now, in: zone, count: dueCount)
            if dues.isEmpty { lines.append("    next: never"); continue }
            for (index, due) in dues.enumerated() {
                var line = (index == 0 ? "    next: " : "          ") + formatLocal(due, in: zone)
                if let window = quietWindow(containing: due, in: zone, daemon.quietHours) {
                    line += " (quiet hours: waits until \(TimeSyntax.format(window.end)))"
                }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The next `count` due times after `now`, as if nobody confirmed anything.
    public static func nextDueTimes(_ schedule: Schedule, after now: Instant, in zone: Zone, count: Int) -> [Instant] {
        var dues: [Instant] = []
        var after = now
        while dues.count < count, let due = schedule.nextDue(after: after, in: zone, lastDone: nil) {
            dues.append(due)
            after = due
        }
        return dues
    }

    /// systemd's timestamp style: "Wed 2026-11-25 15:30:00 CET".
    public static func formatLocal(_ instant: Instant, in zone: Zone) -> String {
        let local = zone.localDateTime(at: instant)
        let d = local.date
        let date = "\(d.year)-\(twoDigits(d.month))-\(twoDigits(d.day))"
        let time = "\(twoDigits(local.time.hour)):\(twoDigits(local.time.minute)):\(twoDigits(local.time.second))"
        return "\(dayNames[d.weekday.rawValue]) \(date) \(time) \(zone.abbreviation(at: instant))"
    }

    private static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func goalsText(_ goals: Goals) -> String {
        var parts: [String] = []
        if let water = goals.waterMilliliters { parts.append("water \(water) ml") }
        for electrolyte in Electrolyte.allCases {
            let target = goals.targetMilligrams[electrolyte], cap = goals.capMilligrams[electrolyte]
            switch (target, cap) {
            case let (target?, cap?): parts.append("\(electrolyte.rawValue) \(target) mg (at most \(cap) mg)")
            case let (target?, nil): parts.append("\(electrolyte.rawValue) \(target) mg")
            case let (nil, cap?): parts.append("\(electrolyte.rawValue) at most \(cap) mg")
            case (nil, nil): break
            }
        }
        return parts.isEmpty ? "none" : parts.joined(separator: "; ") + " a day"
    }

    /// The quiet window the local time of `instant` falls in, if any (windows are `[start, end)`).
    static func quietWindow(containing instant: Instant, in zone: Zone, _ windows: [DailyWindow]) -> DailyWindow? {
        let time = zone.localDateTime(at: instant).time
        return windows.first { window in
            window.crossesMidnight ? (time >= window.start || time < window.end) : (time >= window.start && time < window.end)
        }
    }
}
