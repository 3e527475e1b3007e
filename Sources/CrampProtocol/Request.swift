import CrampCore

/// One request from `crampd ctl` to the daemon: one JSON object on one line.
///
/// Wire form (see docs/protocol.md): `{"command":"snooze","duration":600000000,"id":7,"reminder":"water","version":1}`
/// (keys in any order; we write them sorted).
public struct Request: Sendable, Equatable {
    /// Chosen by the client; the response carries the same id.
    public var id: Int
    public var command: Command
    /// Keep the connection open after the response, for the next request.
    /// Without it the server answers one request and closes.
    public var keepAlive: Bool

    public init(id: Int, command: Command, keepAlive: Bool = false) {
        self.id = id; self.command = command; self.keepAlive = keepAlive
    }
}

/// How long `pause` lasts.
public enum PauseLength: Sendable, Equatable {
    /// Until `resume`.
    case indefinitely
    /// For this long from when the daemon receives the request.
    case duration(TimeSpan)
    /// Until this instant.
    case until(Instant)
}

/// Which occurrences `skip` drops.
public enum SkipExtent: Sendable, Equatable {
    /// The next `count` firings (1 to `Command.maxSkipCount`); a pending snooze counts as the first.
    case next(Int)
    /// Every firing before this instant (`--today`: the client's next local midnight).
    case until(Instant)
}

/// One case per verb of `crampd ctl`; the server dispatches on it with one exhaustive `switch`.
///
/// Adding a verb (diary: drink, take, cramp, undo, today, stats, export; notify-test)
/// means: a case here, its name in `name`, its fields in `Request+Coding.swift`,
/// an example in docs/protocol.md, and a handler case in the daemon.
public enum Command: Sendable, Equatable {
    /// The daemon: running since, pid, config files, last reload, pause, next reminder. Result: `.status`.
    case status
    /// Every reminder with its next and last time. Result: `.reminders`.
    case list
    /// The next `count` occurrences of all reminders merged in time order. Result: `.upcoming`.
    case next(count: Int)
    /// Everything about one reminder. Result: `.reminder`.
    case show(reminder: String)
    /// Confirm a reminder: it was done now. Result: `.action`.
    case done(reminder: String)
    /// Postpone a reminder by `duration`, or by `[daemon] snooze` when nil. Result: `.action`.
    case snooze(reminder: String, duration: TimeSpan?)
    /// Skip the next occurrences of a reminder; a later skip replaces an earlier one. Result: `.action`.
    case skip(reminder: String, SkipExtent = .next(1))
    /// Fire a reminder now, to try it; its schedule does not change. Result: `.action`.
    case trigger(reminder: String)
    /// Pause all reminders; the expiry survives a restart. Result: `.action`.
    case pause(PauseLength)
    /// End a pause; a no-op when not paused. Result: `.action`.
    case resume
    /// Change keys of an existing reminder, `key=value` in config syntax. Saved to the
    /// ctl drop-in unless `runtime`, which lasts until the next restart. Result: `.action`.
    case set(reminder: String, assignments: [String], runtime: Bool)
    /// Add a reminder from `key=value` assignments. Result: `.action`.
    case add(reminder: String, assignments: [String], runtime: Bool)
    /// Remove a reminder. Result: `.action`.
    case remove(reminder: String, runtime: Bool)
    /// Drop every ctl change to a reminder, back to the config files. Result: `.action`.
    case reset(reminder: String, runtime: Bool)
    /// Re-read the config files; all or nothing. Result: `.action`, or error `invalid-config`
    /// with every error in `details` (the old config keeps running).
    case reload
    /// Diagnose desktop notifications step by step, as the daemon sees them: the session bus,
    /// the notification server (name, vendor, version, spec version), its capabilities, and a
    /// sample notification, sent when `sample`; a request with `sample` false sends nothing and
    /// reports how the last sample went (its notification id), so a client can poll for it.
    /// Result: `.action`, one step per line in `changes`.
    case notifyTest(sample: Bool)
    /// Log a drink; `milliliters` nil: the first hydration reminder's amount, else 250. Result: `.diary`.
    case drink(milliliters: Int?, note: String?)
    /// Log an electrolyte dose; `milligrams` nil: that electrolyte's reminder's amount. Result: `.diary`.
    case take(electrolyte: String, milligrams: Int?)
    /// Log a cramp; `at` ("03:10") is the most recent such local time, nil means now. Result: `.diary`.
    case cramp(muscle: String?, severity: Int?, at: String?, note: String?)
    /// Remove the most recently logged drink, dose or cramp. Result: `.diary`.
    case undo
    /// Today's intake against the goals, what is still due, cramps; with `date` (a local date
    /// "2026-12-01", today or earlier) that day's, as it ended. Result: `.today`.
    case today(date: String? = nil)
    /// Per-day statistics of the last `days` days (1-366). Result: `.stats`.
    case stats(days: Int)
    /// Supplies: units left and the estimated run-out of each `[supply.<electrolyte>]`; with
    /// `electrolyte` and `units`, first sets that supply's count (after a refill). Result: `.stock`.
    case stock(electrolyte: String?, units: Int?)
    /// Every diary record (since a local date "2026-11-01", through another), as CSV or JSON;
    /// only one kind of record when `kind` is set; `ics`: the schedule over the next `days`
    /// (1-366, default 30) as iCalendar instead. Result: `.export`.
    case export(format: ExportFormat, since: String?, until: String? = nil, kind: DiaryRecords.Kind? = nil, days: Int? = nil)
    /// The diary from local date `since` through `until` (default: today), at most a year,
    /// as the data of a doctor's report (`crampd ctl report` renders it as HTML). Result: `.report`.
    case report(since: String, until: String?)
    /// Part of `crampd ctl import`: `records` (at most `maxImportBatch`) are staged under the
    /// client's `batch` token; with `commit` the staged records and these are written in one
    /// transaction (all or nothing), each record only when the diary does not have it yet
    /// (by its stable id). A new token drops what an abandoned import staged. Result: `.imported`.
    case importRecords(batch: String, records: [DiaryImportRecord], commit: Bool)
    /// Subscribe to the daemon's events: answered with `.action`, then one `.event` per event as
    /// it happens, on the same connection, until the client closes it or falls behind (error
    /// `overrun`, then the connection closes). Result: `.action`, then `.event`s.
    case watch

    /// The wire name, also the `crampd ctl` verb.
    public var name: String {
        switch self {
        case .status: "status"
        case .list: "list"
        case .next: "next"
        case .show: "show"
        case .done: "done"
        case .snooze: "snooze"
        case .skip: "skip"
        case .trigger: "trigger"
        case .pause: "pause"
        case .resume: "resume"
        case .set: "set"
        case .add: "add"
        case .remove: "remove"
        case .reset: "reset"
        case .reload: "reload"
        case .notifyTest: "notify-test"
        case .drink: "drink"
        case .take: "take"
        case .cramp: "cramp"
        case .undo: "undo"
        case .today: "today"
        case .stats: "stats"
        case .stock: "stock"
        case .export: "export"
        case .report: "report"
        case .importRecords: "import"
        case .watch: "watch"
        }
    }

    /// Every wire name, for "unknown command" messages and docs.
    public static let names = [
        "status", "list", "next", "show", "done", "snooze", "skip", "trigger",
        "pause", "resume", "set", "add", "remove", "reset", "reload", "notify-test",
        "drink", "take", "cramp", "undo", "today", "stats", "export", "report", "import", "watch", "stock",
    ]

    /// The most occurrences one `skip` drops by count (below the agenda's look-ahead, so the plan sees past them).
    public static let maxSkipCount = 50

    /// The most records one `import` request carries; the client also keeps each line under
    /// `ControlProtocol.maxLineBytes`.
    public static let maxImportBatch = 1000
    /// The most records one import stages in the daemon's memory before its commit.
    public static let maxImportRecords = 200_000
    /// The longest `batch` token.
    public static let maxImportBatchToken = 64

    /// The most occurrences `next` returns.
    public static let maxNextCount = 1000
}
