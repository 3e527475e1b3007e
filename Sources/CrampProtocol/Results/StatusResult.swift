import CrampCore

// Result DTOs are plain data. Times are `Instant`: integer microseconds since the
// Unix epoch, UTC (systemd's usec_t, like CRAMPD_DUE_USEC); durations are `TimeSpan`:
// integer microseconds. Optional fields are left out of the JSON when absent.
// Rendering (local time, "in 12min") is the client's job.

/// For `status`.
public struct StatusResult: Sendable, Equatable, Codable {
    /// The daemon's version, e.g. "0.1.0".
    public var version: String
    public var pid: Int32
    public var runningSince: Instant
    /// The config files in use, in load order (later ones override earlier ones); empty
    /// when running on the embedded default.
    public var configFiles: [String]
    /// The last load or reload of the config, the first load at start included.
    public var lastReload: ReloadOutcome
    /// Absent when not paused.
    public var pause: PauseState?
    /// The next reminder to fire; absent when none will.
    public var next: UpcomingOccurrence?
    /// What the config in force left out, one line each: a ctl change to a reminder no other
    /// file defines any more (with how to clear it), a config.d entry that is not a regular file.
    /// Absent when there is none.
    public var configWarnings: [String]?
    /// The zone the daemon plans in and every time is shown in: an IANA name ("Europe/Berlin"),
    /// a POSIX TZ rule, a tzfile path or "localtime"; absent from daemons before it was added.
    public var zone: String?
    /// True when the zone follows the system's (`/etc/localtime`), false when pinned.
    public var zoneFollowsSystem: Bool?
    /// Whether the person can see a popup now; absent from daemons before it was added.
    public var presence: PresenceStatus?

    public init(version: String, pid: Int32, runningSince: Instant, configFiles: [String],
                lastReload: ReloadOutcome, pause: PauseState? = nil, next: UpcomingOccurrence? = nil,
                configWarnings: [String]? = nil, zone: String? = nil, zoneFollowsSystem: Bool? = nil,
                presence: PresenceStatus? = nil) {
        self.version = version; self.pid = pid; self.runningSince = runningSince; self.configFiles = configFiles
        self.lastReload = lastReload; self.pause = pause; self.next = next
        self.configWarnings = configWarnings?.isEmpty == true ? nil : configWarnings
        self.zone = zone; self.zoneFollowsSystem = zoneFollowsSystem
        self.presence = presence
    }
}

/// Presence as `ctl status` shows it: "present", "away since 10:12 (idle)", "locked", "do-not-disturb".
public struct PresenceStatus: Sendable, Equatable, Codable {
    /// The reason popups are held (`HoldReason`), absent when the person is present.
    public var held: HoldReason?
    /// Since when `held` holds.
    public var since: Instant?
    /// The source that reported it (`PresenceSignal.Source`), e.g. "logind-lock".
    public var source: String?
    /// Every reason that holds now, in report order; empty when present.
    public var reasons: [HoldReason]
    /// How many due reminders are held, to be told about on return; absent when none.
    public var heldReminders: Int?

    public init(_ presence: Presence, heldReminders: Int = 0) {
        let held = presence.held
        self.held = held?.reason; self.since = held?.since; self.source = held?.source.rawValue
        self.reasons = presence.holdReasons
        self.heldReminders = heldReminders > 0 ? heldReminders : nil
    }
}

/// The outcome of loading the config.
public struct ReloadOutcome: Sendable, Equatable, Codable {
    public var at: Instant
    public var succeeded: Bool
    /// Every error, rendered with its location (`config.toml:12:9: expected '=' …`); empty on success.
    public var errors: [String]

    public init(at: Instant, succeeded: Bool, errors: [String] = []) {
        self.at = at; self.succeeded = succeeded; self.errors = errors
    }
}

/// All reminders are paused.
public struct PauseState: Sendable, Equatable, Codable {
    public var since: Instant
    /// When the pause ends by itself; absent: until `resume`.
    public var until: Instant?

    public init(since: Instant, until: Instant? = nil) { self.since = since; self.until = until }
}

/// One future firing of a reminder, as `status` and `next` show it.
public struct UpcomingOccurrence: Sendable, Equatable, Codable {
    /// The reminder id.
    public var reminder: String
    /// "hydration", "electrolyte", "stretch", "custom".
    public var kind: String
    /// When it fires.
    public var at: Instant
    public var message: String
    /// With its unit: "250 ml", "300 mg"; absent when the reminder has none.
    public var amount: String?
    /// Set when this firing is a follow-up of an unanswered occurrence (`repeat`).
    public var followUp: FollowUpCount?

    public init(reminder: String, kind: String, at: Instant, message: String, amount: String? = nil, followUp: FollowUpCount? = nil) {
        self.reminder = reminder; self.kind = kind; self.at = at; self.message = message; self.amount = amount
        self.followUp = followUp
    }
}

/// Follow-up `number` of `of` (`repeat_max`).
public struct FollowUpCount: Sendable, Equatable, Codable {
    public var number: Int
    public var of: Int
    public init(number: Int, of: Int) { self.number = number; self.of = of }
    /// "2 of 2"
    public var text: String { "\(number) of \(of)" }
}

/// A follow-up ahead of an unanswered occurrence: `ctl list/show` "follows up at 21:15 (2 of 2)".
public struct PendingFollowUpState: Sendable, Equatable, Codable {
    /// When it fires (quiet hours and a pause applied).
    public var at: Instant
    public var count: FollowUpCount
    /// The occurrence followed up (its `CRAMPD_DUE_USEC`).
    public var due: Instant
    public init(at: Instant, count: FollowUpCount, due: Instant) { self.at = at; self.count = count; self.due = due }
}
