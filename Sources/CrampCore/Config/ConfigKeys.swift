import TOML

/// One known key of a config section: its name, what it takes, its default and what it means.
///
/// The tables below are the one place where defaults live (the schema reads
/// a missing key's default from here) and the source of "did you mean";
/// a test checks that `config/crampd.toml` documents every key.
public struct ConfigKey: Sendable {
    public var name: String
    /// What the value looks like, in words.
    public var shape: String
    /// Used when the key is absent; `nil` when it is required or has no default.
    public var defaultValue: TOMLValue?
    public var doc: String

    public init(_ name: String, _ shape: String, default defaultValue: TOMLValue? = nil, _ doc: String) {
        self.name = name; self.shape = shape; self.defaultValue = defaultValue; self.doc = doc
    }
}

/// The sections of a config file.
public enum ConfigSection: String, Sendable, CaseIterable {
    case daemon, goals, reminder, hook, supply

    /// How the section is written: "[daemon]", "[goals]", "[[reminder]]", "[[hook]]", "[supply.<electrolyte>]".
    public var heading: String {
        switch self {
        case .reminder, .hook: "[[\(rawValue)]]"
        case .supply: "[supply.<electrolyte>]"
        default: "[\(rawValue)]"
        }
    }

    public var keys: [ConfigKey] {
        switch self {
        case .daemon: ConfigKeys.daemon
        case .goals: ConfigKeys.goals
        case .reminder: ConfigKeys.reminder
        case .hook: ConfigKeys.hook
        case .supply: ConfigKeys.supply
        }
    }

    public func key(_ name: String) -> ConfigKey? { keys.first { $0.name == name } }
}

public enum ConfigKeys {
    public static let daemon: [ConfigKey] = [
        ConfigKey("timezone", "IANA zone name", "Zone reminders are planned in, like \"Europe/Berlin\"; default: the system zone."),
        ConfigKey("quiet_hours", "window or array of windows", default: .array([]),
                  "No reminder fires inside these daily windows (\"22:30-07:00\" crosses midnight); what falls due waits for their end."),
        ConfigKey("notify", "array of channels", default: .array([TOMLNode(.string("journal"))]),
                  "Where reminders go: \"journal\" (always on) and \"desktop\" (a desktop notification)."),
        ConfigKey("grace", "duration", default: .string("10m"),
                  "How late a reminder may fire (after suspend or downtime) before it counts as missed."),
        ConfigKey("catch_up", "\"once\" or \"skip\"", default: .string("once"),
                  "Missed reminders: \"once\" fires one catch-up per reminder (never a burst), \"skip\" only records them."),
        ConfigKey("snooze", "duration", default: .string("10m"),
                  "How long `crampd ctl snooze ID` postpones a reminder when no duration is given."),
        ConfigKey("while_away", "\"hold\" or \"deliver\"", default: .string(WhileAway.hold.rawValue),
                  "While you are away, locked, asleep or in do-not-disturb: \"hold\" keeps reminders in the journal and says once what came due when you are back; \"deliver\" pops them up anyway."),
        ConfigKey("away_after", "duration or \"off\"", default: .string("5m"),
                  "No keyboard or mouse input for this long (X11) counts as away; \"off\" turns it off."),
    ]

    /// `water_ml`, then `<electrolyte>_mg`, `<electrolyte>_max_mg` and `<electrolyte>_min_gap` for each electrolyte.
    public static let goals: [ConfigKey] = [
        ConfigKey("water_ml", "positive integer", "Daily water goal in ml."),
        ConfigKey("water_checkpoints", "array of \"HH:MM=ML\"",
                  "Keep pace: by each time, this much water in total; when the day is behind, one reminder says by how much."),
    ] + Electrolyte.allCases.flatMap { electrolyte in [
        ConfigKey(targetKey(electrolyte), "positive integer", "Daily \(electrolyte.rawValue) target in mg."),
        ConfigKey(capKey(electrolyte), "positive integer",
                  "Daily \(electrolyte.rawValue) safety cap in mg: a dose that would exceed it is not suggested."),
        ConfigKey(minimumGapKey(electrolyte), "duration",
                  "Keep \(electrolyte.rawValue) doses this far apart: a reminder due sooner after the last logged dose waits for the end of the gap."),
    ] }

    public static func targetKey(_ electrolyte: Electrolyte) -> String { "\(electrolyte.rawValue)_mg" }
    public static func capKey(_ electrolyte: Electrolyte) -> String { "\(electrolyte.rawValue)_max_mg" }
    public static func minimumGapKey(_ electrolyte: Electrolyte) -> String { "\(electrolyte.rawValue)_min_gap" }

    public static let reminder: [ConfigKey] = [
        ConfigKey("id", "letters, digits, - and _", "Names the reminder in the journal and in `crampd ctl`; unique."),
        ConfigKey("kind", "\"hydration\", \"electrolyte\", \"stretch\" or \"custom\"", "What the reminder is about; required."),
        ConfigKey("electrolyte", "\"sodium\", \"potassium\", \"magnesium\" or \"calcium\"",
                  "Which electrolyte; required for kind \"electrolyte\" and only allowed there."),
        ConfigKey("message", "string", "The text of the reminder; required for kind \"custom\", else a default per kind."),
        ConfigKey("amount", "positive integer", "ml for hydration, mg for electrolyte; not allowed for other kinds."),
        ConfigKey("enabled", "boolean", default: .bool(true), "false turns the reminder off but keeps it listed."),
        ConfigKey("every", "duration", "Schedule: repeat at this interval (at least 1m)."),
        ConfigKey("between", "window or array of windows", "With every: only inside these daily windows; default: all day."),
        ConfigKey("days", "day, range or array of them", "With every or at: only on these days (\"mon\"…\"sun\", \"mon..fri\"); default: every day."),
        ConfigKey("anchor", "\"window\" or \"last-done\"", default: .string(Anchor.window.rawValue),
                  "With every: count from the start of each window, or from the last time you confirmed it."),
        ConfigKey("at", "time or array of times", "Schedule: at these times of day (\"HH:MM\" or \"HH:MM:SS\")."),
        ConfigKey("calendar", "systemd calendar expression", "Schedule: a systemd OnCalendar= expression, like \"Mon..Fri 10:00\"."),
        ConfigKey("after", "reminder id", "Schedule: due `delay` after that reminder is confirmed done (`crampd ctl done ID`); a day without it has no occurrence unless `latest` is set."),
        ConfigKey("delay", "duration", default: .string("0m"), "With after: how long after the other reminder is done."),
        ConfigKey("latest", "time", "With after: the latest time of day it comes, and the time it comes on a day the other reminder is not done by then."),
        ConfigKey("catch_up", "\"once\" or \"skip\"", "Overrides [daemon] catch_up for this reminder."),
        ConfigKey("skip_if_logged_within", "duration", "Hydration only: skip the reminder when a drink was logged this recently."),
        ConfigKey("timezone", "IANA zone name", "This reminder's schedule on that zone's clock (\"at 21:00 home time\"); default: the daemon's zone."),
        ConfigKey("repeat", "duration", "Follow up: an occurrence not done, snoozed or skipped comes again after this long (at least 1m); default: no follow-ups."),
        ConfigKey("repeat_max", "1 to \(FollowUp.maximumRepeats)", default: .integer(Int64(FollowUp.defaultMaximum)),
                  "With repeat: how many follow-ups at most; after the last one unanswered the occurrence counts as missed."),
        ConfigKey("urgent", "boolean", default: .bool(false), "Pops up through do-not-disturb, with critical urgency; with repeat, the last follow-up's popup has critical urgency too."),
        ConfigKey("pace", "boolean", default: .bool(false),
                  "Hydration only: the amount keeps the day on track toward water_ml (never below amount, never above 500 ml)."),
        ConfigKey("removed", "boolean", "In a drop-in: true deletes the reminder defined by earlier files."),
    ]

    public static let hook: [ConfigKey] = [
        ConfigKey("on", "event name or array of them", "The events that run the hook, like [\"due\", \"missed\"] (see crampd.toml(5) for the list); required."),
        ConfigKey("exec", "array of strings", "The program and its arguments, run without a shell; {placeholders} are replaced per argument; required."),
        ConfigKey("timeout", "duration", default: .string("10s"), "How long the hook may run before it is stopped (SIGTERM, then SIGKILL 2 s later); at most 10m."),
    ]

    /// `[supply.<electrolyte>]` (Supply.swift).
    public static let supply: [ConfigKey] = [
        ConfigKey("units", "positive integer", "Tablets or capsules on hand when crampd first sees the supply; later counts come from `crampd ctl stock`."),
        ConfigKey("mg_per_unit", "positive integer", "mg of the electrolyte in one unit; a dose uses amount / mg_per_unit units, rounded up."),
        ConfigKey("refill_notice", "duration", default: .string("7d"), "Tell when the supply is estimated to run out within this long."),
    ]

    /// The keys that choose a schedule; a reminder has exactly one of them.
    public static let scheduleKinds = ["every", "at", "calendar", "after"]
    /// The keys each schedule kind may be combined with.
    public static let scheduleCompanions: [String: [String]] = ["every": ["between", "days", "anchor"], "at": ["days"], "calendar": [],
                                                                   "after": ["delay", "latest"]]
    /// Every key that belongs to a schedule; switching the kind in a drop-in drops all of them.
    public static let scheduleKeys = ["every", "between", "days", "anchor", "at", "calendar", "after", "delay", "latest"]
}

extension ConfigSection {
    /// The default of `key` as if a file had written it; `nil` when the key has no default.
    func defaultEntry(_ key: String) -> LocatedEntry? {
        guard let value = self.key(key)?.defaultValue else { return nil }
        return LocatedEntry(key: key, keyOffset: 0, node: TOMLNode(value), source: "(default of \(rawValue).\(key))")
    }
}
