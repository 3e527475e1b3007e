import CrampCore

/// The human output of every `crampd ctl` command: pure functions of the result, `now`
/// and the display zone, so tests check the exact text. Each ends with a newline.
public enum ResultText {
    /// `crampd ctl status`
    public static func status(_ s: StatusResult, now: Instant, zone: Zone) -> String {
        var lines = ["crampd \(s.version), pid \(s.pid)"]
        lines.append("  Running: since \(TimeText.full(s.runningSince, zone: zone)); \(TimeText.relative(s.runningSince, now: now))")
        if let name = s.zone {
            let how = s.zoneFollowsSystem.map { $0 ? " (the system's, followed)" : " (pinned)" } ?? ""
            lines.append("     Zone: \(name)\(how); times are shown in it")
        }
        if s.configFiles.isEmpty {
            lines.append("   Config: the embedded default (no config file)")
        } else {
            for (i, file) in s.configFiles.enumerated() { lines.append((i == 0 ? "   Config: " : "           ") + file) }
        }
        let reloadAt = TimeText.short(s.lastReload.at, now: now, zone: zone)
        if s.lastReload.succeeded {
            lines.append("   Loaded: ok at \(reloadAt)")
        } else {
            lines.append("   Loaded: FAILED at \(reloadAt), keeping the previous config:")
            for error in s.lastReload.errors { lines.append("           " + error) }
        }
        for (i, warning) in (s.configWarnings ?? []).enumerated() {
            lines.append((i == 0 ? "  Warning: " : "           ") + warning.split(separator: "\n").joined(separator: "\n           "))
        }
        lines.append("   Paused: " + pauseText(s.pause, now: now, zone: zone))
        if let presence = s.presence { lines.append(" Presence: " + presenceText(presence, now: now, zone: zone)) }
        if let next = s.next {
            lines.append("     Next: " + occurrenceText(next, now: now, zone: zone))
        } else {
            lines.append("     Next: none")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "present", "away since 10:12 (idle)", "locked since 10:12", "do-not-disturb since 10:12
    /// (dunst)", with "; 2 reminders held, told when you are back".
    static func presenceText(_ p: PresenceStatus, now: Instant, zone: Zone) -> String {
        var text = "present"
        if let reason = p.held {
            text = reason.statusWording
            if let since = p.since { text += " since " + TimeText.short(since, now: now, zone: zone) }
            let via: String? = switch p.source {
            case PresenceSignal.Source.x11Idle.rawValue: "idle"
            case PresenceSignal.Source.logindIdle.rawValue: "idle, logind"
            case PresenceSignal.Source.logindLock.rawValue, PresenceSignal.Source.logindSleep.rawValue, nil: nil
            case let other?: other
            }
            if let via { text += " (\(via))" }
            let others = p.reasons.filter { $0 != reason }.map(\.statusWording)
            if !others.isEmpty { text += "; also " + others.joined(separator: ", ") }
        }
        if let held = p.heldReminders {
            text += "; \(held) reminder\(held == 1 ? "" : "s") held, told when you are back"
        }
        return text
    }

    /// `crampd ctl list`: NEXT, LEFT, LAST, REMINDER, SCHEDULE.
    /// Sorted by NEXT (ties and reminders that never fire in config order, the latter last).
    public static func list(_ list: ReminderList, now: Instant, zone: Zone) -> String {
        let byNext = list.reminders.enumerated().sorted { a, b in
            switch (a.element.next, b.element.next) {
            case (let x?, let y?): x != y ? x < y : a.offset < b.offset
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): a.offset < b.offset
            }
        }.map(\.element)
        let rows = byNext.map { r -> [String] in
            var schedule = r.schedule
            if !r.enabled { schedule += " (disabled)" }
            if let snooze = snoozeText(r, now: now, zone: zone) { schedule += " (\(snooze))" }
            if r.skipping { schedule += " (skipping the next)" }
            if let followUp = r.followUp { schedule += " (\(followUpText(followUp, now: now, zone: zone)))" }
            return [
                r.next.map { TimeText.short($0, now: now, zone: zone) } ?? "-",
                r.next.map { $0 > now ? TimeText.left($0 - now) : "now" } ?? "-",
                r.last.map { TimeText.relative($0, now: now) } ?? "-",
                r.id,
                schedule,
            ]
        }
        var text = alignedTable(header: ["NEXT", "LEFT", "LAST", "REMINDER", "SCHEDULE"], rows: rows) + "\n"
        if let pause = list.pause { text += "\nAll reminders are paused: " + pauseText(pause, now: now, zone: zone) + ".\n" }
        let n = list.reminders.count
        text += "\n\(n) \(n == 1 ? "reminder" : "reminders") listed.\n"
        return text
    }

    /// `crampd ctl next`: NEXT, LEFT, REMINDER, MESSAGE.
    public static func upcoming(_ list: UpcomingList, now: Instant, zone: Zone) -> String {
        guard !list.occurrences.isEmpty else { return "No reminder will fire.\n" }
        let rows = list.occurrences.map { o in [
            TimeText.short(o.at, now: now, zone: zone),
            o.at > now ? TimeText.left(o.at - now) : "now",
            o.reminder,
            o.message + (o.amount.map { " (\($0))" } ?? "") + (o.followUp.map { " (follow-up \($0.text))" } ?? ""),
        ] }
        return alignedTable(header: ["NEXT", "LEFT", "REMINDER", "MESSAGE"], rows: rows) + "\n"
    }

    /// `crampd ctl show ID`
    public static func reminder(_ d: ReminderDetail, now: Instant, zone: Zone) -> String {
        let r = d.row
        func when(_ t: Instant) -> String { TimeText.short(t, now: now, zone: zone) + ", " + TimeText.relative(t, now: now) }
        var lines = ["\(r.id) (\(r.kind + (d.electrolyte.map { ": \($0)" } ?? "")))"]
        lines.append("   Message: " + d.message)
        if let amount = d.amount { lines.append("    Amount: " + amount) }
        lines.append("  Schedule: " + r.schedule)
        lines.append("   Enabled: " + (r.enabled ? "yes" : "no"))
        lines.append("      Next: " + (r.next.map(when) ?? "never"))
        if let until = r.snoozedUntil { lines.append("   Snoozed: until " + when(until) + heldBack(r, now: now, zone: zone)) }
        if r.skipping { lines.append("  Skipping: the next occurrence") }
        if let followUp = r.followUp { lines.append(" Follow-up: " + followUpText(followUp, now: now, zone: zone)) }
        lines.append("Last fired: " + (r.last.map(when) ?? "never"))
        lines.append(" Last done: " + (d.lastDone.map(when) ?? "never"))
        lines.append("  Catch-up: " + d.catchUp)
        if let within = d.skipIfLoggedWithin {
            lines.append("      Skip: when a drink was logged within " + TimeText.span(within))
        }
        if let definedAt = d.definedAt {
            lines.append("   Defined: " + definedAt + (d.runtimeChange ? " (changed until the next restart)" : ""))
        } else if d.runtimeChange {
            lines.append("   Defined: at run time, until the next restart")
        }
        if !d.upcoming.isEmpty {
            lines.append("  Upcoming: " + d.upcoming.map { TimeText.short($0, now: now, zone: zone) }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every command that changes something: the summary, then each change indented.
    public static func action(_ a: ActionResult) -> String {
        ([a.summary] + a.changes.map { "  " + $0 }).joined(separator: "\n") + "\n"
    }

    /// Any result, by its kind. `terminalWidth` is the width of the terminal standard output
    /// is, or nil when it is not one: the diary's charts are drawn only on a terminal.
    /// `zones`: where the zone a diary summary names is looked up.
    /// `glyphs`: the bars' characters, ASCII where the terminal's character set is not UTF-8 (`TerminalCharset`).
    public static func result(_ result: ControlResult, now: Instant, zone: Zone, zones: TZDatabase, terminalWidth: Int? = nil,
                              glyphs: BlockBar.Glyphs = .unicode) -> String {
        switch result {
        case .diary, .today, .stats, .export, .report, .imported, .stock: diary(result, now: now, zone: zone, zones: zones, terminalWidth: terminalWidth, glyphs: glyphs)
        case .status(let s): status(s, now: now, zone: zone)
        case .reminders(let l): list(l, now: now, zone: zone)
        case .upcoming(let u): upcoming(u, now: now, zone: zone)
        case .reminder(let d): reminder(d, now: now, zone: zone)
        case .action(let a): action(a)
        case .event(let e): watchLine(e, zone: zone)
        }
    }

    /// An error answer as the daemon words it (a complete sentence that says what to do),
    /// then each detail indented: every config error with its location, for example.
    public static func error(_ error: ControlError) -> String {
        ([error.message] + error.details.map { "  " + $0 }).joined(separator: "\n") + "\n"
    }

    /// "snoozed until 18:35"; when something holds it back (quiet hours, a pause, the intake
    /// rules) and the reminder fires later, says so instead of promising 18:35.
    static func snoozeText(_ r: ReminderRow, now: Instant, zone: Zone) -> String? {
        r.snoozedUntil.map { "snoozed until " + TimeText.short($0, now: now, zone: zone) + heldBack(r, now: now, zone: zone) }
    }

    /// ", held back to Mon 08:00" when the reminder fires after its snooze ends; "" when on time.
    static func heldBack(_ r: ReminderRow, now: Instant, zone: Zone) -> String {
        guard let until = r.snoozedUntil else { return "" }
        guard let next = r.next else { return ", held back: it does not fire" }
        return next > until ? ", held back to " + TimeText.short(next, now: now, zone: zone) : ""
    }

    static func pauseText(_ pause: PauseState?, now: Instant, zone: Zone) -> String {
        guard let pause else { return "no" }
        guard let until = pause.until else { return "until resumed (since \(TimeText.short(pause.since, now: now, zone: zone)))" }
        return "until \(TimeText.short(until, now: now, zone: zone)), \(TimeText.relative(until, now: now))"
    }

    static func occurrenceText(_ o: UpcomingOccurrence, now: Instant, zone: Zone) -> String {
        "\(o.reminder) at \(TimeText.short(o.at, now: now, zone: zone)), \(TimeText.relative(o.at, now: now)): "
            + o.message + (o.amount.map { " (\($0))" } ?? "") + (o.followUp.map { " (follow-up \($0.text))" } ?? "")
    }

    /// "follows up at 21:15 (2 of 2)"
    static func followUpText(_ f: PendingFollowUpState, now: Instant, zone: Zone) -> String {
        "follows up at \(TimeText.short(f.at, now: now, zone: zone)) (\(f.count.text))"
    }
}
