import CrampCore

/// For `list`: every reminder, in config order.
public struct ReminderList: Sendable, Equatable, Codable {
    public var reminders: [ReminderRow]
    /// Absent when not paused; while paused, `next` times are those after the pause.
    public var pause: PauseState?

    /// The daemon's zone, the one the times are shown in (see `StatusResult.zone`).
    public var zone: String?
    public init(reminders: [ReminderRow], pause: PauseState? = nil, zone: String? = nil) {
        self.reminders = reminders; self.pause = pause; self.zone = zone
    }
}

/// One line of `crampd ctl list`. LEFT is `next - now`, computed by the client.
public struct ReminderRow: Sendable, Equatable, Codable {
    public var id: String
    /// "hydration", "electrolyte", "stretch", "custom".
    public var kind: String
    public var enabled: Bool
    /// When it fires next, snooze, skip, pause and quiet hours applied; absent when it never will.
    public var next: Instant?
    /// When it last fired; absent when it never has.
    public var last: Instant?
    /// The schedule in words: "every 45m between 08:00-20:00", "at 08:30, 21:00 on mon..fri".
    public var schedule: String
    /// Snoozed until this instant; absent when not snoozed.
    public var snoozedUntil: Instant?
    /// The next occurrence by the schedule will be skipped.
    public var skipping: Bool
    /// The next follow-up of an unanswered occurrence, when one comes before `next`; absent otherwise.
    public var followUp: PendingFollowUpState?

    public init(id: String, kind: String, enabled: Bool = true, next: Instant? = nil, last: Instant? = nil,
                schedule: String, snoozedUntil: Instant? = nil, skipping: Bool = false, followUp: PendingFollowUpState? = nil) {
        self.id = id; self.kind = kind; self.enabled = enabled; self.next = next; self.last = last
        self.schedule = schedule; self.snoozedUntil = snoozedUntil; self.skipping = skipping; self.followUp = followUp
    }
}

/// For `next`: the next occurrences of all reminders, merged in time order.
public struct UpcomingList: Sendable, Equatable, Codable {
    public var occurrences: [UpcomingOccurrence]
    /// The daemon's zone, the one the times are shown in (see `StatusResult.zone`).
    public var zone: String?
    public init(occurrences: [UpcomingOccurrence], zone: String? = nil) { self.occurrences = occurrences; self.zone = zone }
}
