import TOML

/// `[[reminder]]`: checks one merged reminder and builds a `Reminder`.
enum ReminderSchema {
    /// The text shown when a reminder sets no `message` (kind "custom" must set one).
    static func defaultMessage(kind: ReminderKind, electrolyte: Electrolyte?) -> String? {
        switch kind {
        case .hydration: "Time for a glass of water."
        case .electrolyte: "Time for your \(electrolyte?.rawValue ?? "electrolytes")."
        case .stretch: "Time to stretch your calves."
        case .custom: nil
        }
    }

    /// `nil` when anything is wrong; every problem is in `reader.diagnostics`.
    static func read(_ reminder: MergedReminder, ids: [String], _ reader: inout ValueReader) -> Reminder? {
        let table = reminder.table, id = reminder.id
        let errorsBefore = reader.diagnostics.count
        func aboutReminder(_ message: String) { reader.fail(reminder.idEntry, message) }
        func entry(_ key: String) -> LocatedEntry? { table[key] ?? ConfigSection.reminder.defaultEntry(key) }

        var kind: ReminderKind?
        if let entry = table["kind"] { kind = reader.choice(entry, ReminderKind.self) }
        else { aboutReminder("reminder \"\(id)\" has no \"kind\"; set kind = \(ValueReader.oneOf(ReminderKind.allCases.map(\.rawValue)))") }

        var electrolyte: Electrolyte?
        if let entry = table["electrolyte"] {
            electrolyte = reader.choice(entry, Electrolyte.self)
            if let kind, kind != .electrolyte {
                reader.diagnostics.add(atKey: entry, "\"electrolyte\" is only for kind \"electrolyte\"; reminder \"\(id)\" has kind \"\(kind.rawValue)\"")
            }
        } else if kind == .electrolyte {
            aboutReminder("reminder \"\(id)\" has kind \"electrolyte\" but no \"electrolyte\"; set electrolyte = \(ValueReader.oneOf(Electrolyte.allCases.map(\.rawValue)))")
        }

        var message: String?
        if let entry = table["message"], let text = reader.string(entry) {
            if text.allSatisfy(\.isWhitespace) { reader.fail(entry, "empty \"message\"; write the text to show, or leave out \"message\" for the default") }
            else { message = text }
        } else if table["message"] == nil, let kind {
            message = defaultMessage(kind: kind, electrolyte: electrolyte)
            if message == nil { aboutReminder("reminder \"\(id)\" has kind \"custom\" but no \"message\"; set the text to show, like message = \"…\"") }
        }

        var amount: Int?
        if let entry = table["amount"] {
            amount = reader.positiveInteger(entry)
            if let kind, kind == .stretch || kind == .custom {
                reader.diagnostics.add(atKey: entry, "\"amount\" is only for kinds \"hydration\" (ml) and \"electrolyte\" (mg); reminder \"\(id)\" has kind \"\(kind.rawValue)\"")
            }
        }

        let enabled = entry("enabled").flatMap { reader.bool($0) } ?? true
        let schedule = readSchedule(reminder, ids: ids, &reader)

        var catchUp: CatchUpPolicy?
        if let entry = table["catch_up"] { catchUp = reader.choice(entry, CatchUpPolicy.self) }

        var skipWithin: TimeSpan?
        if let entry = table["skip_if_logged_within"] {
            skipWithin = reader.duration(entry, allowZero: false)
            if let kind, kind != .hydration {
                reader.diagnostics.add(atKey: entry, "\"skip_if_logged_within\" is only for kind \"hydration\"; reminder \"\(id)\" has kind \"\(kind.rawValue)\"")
            }
        }

        var zone: Zone?
        if let entry = table["timezone"], let name = reader.string(entry) {
            do { zone = try Zone.named(name, in: reader.zones) } catch {
                reader.fail(entry, "\(error.message); use an IANA name like \"Europe/Berlin\" (see /usr/share/zoneinfo), or leave out \"timezone\" for the daemon's zone")
            }
        }

        let followUp = readFollowUp(reminder, &reader)
        let urgent = entry("urgent").flatMap { reader.bool($0) } ?? false
        let pace = table["pace"].flatMap { reader.bool($0) } ?? false
        if pace, let kind, kind != .hydration, let paceEntry = table["pace"] {
            reader.diagnostics.add(atKey: paceEntry, "\"pace\" is only for kind \"hydration\"; reminder \"\(id)\" has kind \"\(kind.rawValue)\"")
        }

        guard reader.diagnostics.count == errorsBefore, let kind, let message, let schedule else { return nil }
        var reminder = Reminder(id: id, kind: kind, electrolyte: electrolyte, message: message, amount: amount, enabled: enabled,
                                schedule: schedule, catchUp: catchUp, skipIfLoggedWithin: skipWithin, zone: zone,
                                followUp: followUp ?? nil, urgent: urgent)
        reminder.pace = pace
        return reminder
    }

    /// `repeat` (at least 1m) and `repeat_max` (1 to `FollowUp.maximumRepeats`, only with `repeat`).
    /// `.some(nil)`: no follow-ups; `nil`: an error (in `reader.diagnostics`).
    private static func readFollowUp(_ reminder: MergedReminder, _ reader: inout ValueReader) -> FollowUp?? {
        let table = reminder.table
        guard let intervalEntry = table["repeat"] else {
            if let stray = table["repeat_max"] {
                reader.diagnostics.add(atKey: stray, "\"repeat_max\" is only used with \"repeat\"; reminder \"\(reminder.id)\" has no \"repeat\"; set repeat = \"10m\" too, or leave out \"repeat_max\"")
                return nil
            }
            return .some(nil)
        }
        guard var interval = reader.duration(intervalEntry, allowZero: false) else { return nil }
        if interval < Schedule.minimumSpacing, case .string(let text) = intervalEntry.value {
            reader.fail(intervalEntry, "expected at least 1m for \"repeat\", got \"\(text)\"; follow-ups more often than once a minute would flood the journal")
            interval = .zero
        }
        guard let maxEntry = table["repeat_max"] ?? ConfigSection.reminder.defaultEntry("repeat_max"),
              let maximum = reader.positiveInteger(maxEntry) else { return nil }
        guard maximum <= FollowUp.maximumRepeats else {
            reader.fail(maxEntry, "expected a number from 1 to \(FollowUp.maximumRepeats) for \"repeat_max\", got \(maximum); more follow-ups than that nag rather than remind")
            return nil
        }
        return interval == .zero ? nil : .some(FollowUp(interval: interval, maximum: maximum))
    }

    /// Exactly one of `every`, `at`, `calendar`, with only the companions that kind uses.
    private static func readSchedule(_ reminder: MergedReminder, ids: [String], _ reader: inout ValueReader) -> Schedule? {
        let table = reminder.table, id = reminder.id
        let kinds = table.entries.filter { ConfigKeys.scheduleKinds.contains($0.key) }
        guard let kindEntry = kinds.first else {
            var message = "reminder \"\(id)\" has no schedule; set one of \"every\", \"at\", \"calendar\" or \"after\""
            if reminder.definedInDropIn {
                message += " (no earlier file defines \"\(id)\"" + DidYouMean.hint(for: id, among: ids.lazy.filter { $0 != id }).replacingSemicolon() + ")"
            }
            reader.fail(reminder.idEntry, message)
            return nil
        }
        if kinds.count > 1 {
            reader.diagnostics.add(atKey: kinds[1], "reminder \"\(id)\" has two schedules, \"\(kinds[0].key)\" and \"\(kinds[1].key)\"; keep one")
            return nil
        }
        var ok = true
        for key in ["between", "days", "anchor", "delay", "latest"] {
            guard let companion = table[key], !ConfigKeys.scheduleCompanions[kindEntry.key, default: []].contains(key) else { continue }
            let hint = key == "days" && kindEntry.key == "calendar" ? "; put the days in the expression, like \"Mon..Fri 10:00\"" : ""
            let owners = ConfigKeys.scheduleKinds.filter { ConfigKeys.scheduleCompanions[$0, default: []].contains(key) }
            reader.diagnostics.add(atKey: companion, "\"\(key)\" is only used with " + owners.map { "\"\($0)\"" }.joined(separator: " or ")
                + "; reminder \"\(id)\" uses \"\(kindEntry.key)\"" + hint)
            ok = false
        }
        let days = table["days"].map { reader.days($0) } ?? Set(Weekday.allCases)

        switch kindEntry.key {
        case "every":
            var interval = reader.duration(kindEntry, allowZero: false)
            // More than one reminder a minute would flood the journal and the desktop.
            if let span = interval, span < Schedule.minimumSpacing, case .string(let text) = kindEntry.value {
                reader.fail(kindEntry, "expected at least 1m for \"every\", got \"\(text)\"; reminders more often than once a minute would flood the journal")
                interval = nil
            }
            let windows = table["between"].map { reader.windows($0, absentMeaning: "the whole day") } ?? []
            guard let anchorEntry = table["anchor"] ?? ConfigSection.reminder.defaultEntry("anchor") else {
                preconditionFailure("BUG: the key table has no default for anchor")
            }
            let anchorValue = reader.choice(anchorEntry, Anchor.self)
            guard ok, let interval, let windows, let days, let anchorValue else { return nil }
            return .every(EverySchedule(interval: interval, windows: windows, days: days, anchor: anchorValue))
        case "at":
            let times = reader.times(kindEntry)
            guard ok, let times, let days else { return nil }
            let schedule = AtSchedule(times: Array(Set(times)).sorted(), days: days)
            if let (first, second) = schedule.timesCloserThanAMinute {
                reader.fail(kindEntry, "expected times at least 1m apart in \"at\", got \"\(TimeSyntax.format(first))\" and \"\(TimeSyntax.format(second))\"; reminders more often than once a minute would flood the journal")
                return nil
            }
            return .at(schedule)
        case "after":
            return readChain(kindEntry, table: table, reminderID: id, ok: ok, &reader).map(Schedule.after)
        default:
            guard let text = reader.string(kindEntry) else { return nil }
            do {
                let expression = try CalendarExpression.parse(text, zones: reader.zones)
                if expression.elapsesMoreThanOncePerMinute {
                    reader.fail(kindEntry, "expected a calendar expression that elapses at most once a minute, got \"\(text)\" (more than one second in a minute); reminders more often than that would flood the journal; name one second, like \"*:*:00\"")
                    return nil
                }
                return ok ? .calendar(expression) : nil
            } catch {
                // The calendar parser may already name the expression; say it once.
                let prefix = "invalid calendar expression"
                reader.fail(kindEntry, error.message.hasPrefix(prefix) ? error.message : "\(prefix) \"\(text)\": \(error.message)")
                return nil
            }
        }
    }
}

extension ReminderSchema {
    /// `after`, `delay` (default 0m, at most a day) and `latest`. Whether `after` names a
    /// reminder, and no chain runs in a circle, is checked over all reminders (ChainCheck.swift).
    fileprivate static func readChain(_ afterEntry: LocatedEntry, table: LocatedTable, reminderID id: String, ok: Bool,
                                      _ reader: inout ValueReader) -> ChainSchedule? {
        var anchor = reader.string(afterEntry)
        if anchor == id {
            reader.fail(afterEntry, "reminder \"\(id)\" cannot come after itself; name another reminder in \"after\"")
            anchor = nil
        }
        guard let delayEntry = table["delay"] ?? ConfigSection.reminder.defaultEntry("delay") else {
            preconditionFailure("BUG: the key table has no default for delay")
        }
        var delay = reader.duration(delayEntry, allowZero: true)
        if let span = delay, span > ChainSchedule.maximumDelay {
            reader.fail(delayEntry, "expected at most 1d for \"delay\", got \"\(DurationSyntax.format(span))\"; a dose timed from a meal comes the same day or the night after")
            delay = nil
        }
        var latest: TimeOfDay?? = .some(nil)
        if let entry = table["latest"] {
            if case .array = entry.value { reader.fail(entry, "expected one time like \"22:30\" for \"latest\", got an array"); latest = nil }
            else { latest = reader.times(entry).map { $0.first } }
        }
        guard ok, let anchor, let delay, let latest else { return nil }
        return ChainSchedule(anchorID: anchor, delay: delay, latest: latest)
    }
}

extension Anchor: CaseIterable {
    public static var allCases: [Anchor] { [.window, .lastDone] }
}

extension String {
    /// "; did you mean "x"?" → ", did you mean "x"?" inside parentheses.
    fileprivate func replacingSemicolon() -> String { hasPrefix(";") ? "," + dropFirst() : self }
}
