/// The state file's format, versioned like the control protocol.
///
/// - Version 1 (crampd 0.1.0 up to commit 4c3bb7d): `reminders` and `pause`, no `version` key.
/// - Version 2: adds `version`, `runningSince` and `rateLimit`.
/// - Version 3: adds a reminder's `followUp` (the occurrence followed up, the count, the next time).
/// - Version 4: adds `held` (firings held while the person was away, until they are back),
///   `paceCheckedThrough` (`water_checkpoints`) and `sleeps` (the latest suspends of the machine);
///   each absent when empty.
///
/// A file without `version` is version 1 and reads as it always did; a newer version than
/// this crampd knows is refused (the daemon moves the file aside and starts afresh).
extension AgendaState: Codable {
    public static let formatVersion = 4

    enum Key: String, CodingKey { case version, reminders, pause, runningSince, rateLimit, held, paceCheckedThrough, sleeps }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        guard (1...Self.formatVersion).contains(version) else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: c, debugDescription:
                "state file format \(version) is not supported; this crampd reads formats 1 to \(Self.formatVersion)")
        }
        self.init(reminders: try c.decode([String: ReminderState].self, forKey: .reminders),
                  pause: try c.decodeIfPresent(Pause.self, forKey: .pause),
                  runningSince: try c.decodeIfPresent(Instant.self, forKey: .runningSince),
                  rateLimit: try c.decodeIfPresent(EventRateLimit.self, forKey: .rateLimit) ?? .fresh,
                  held: try c.decodeIfPresent(HeldReminders.self, forKey: .held) ?? .none,
                  // Bounded like every input: only the latest few matter.
                  sleeps: Array((try c.decodeIfPresent([SleepSpan].self, forKey: .sleeps) ?? []).suffix(Self.maximumSleepsKept)))
        paceCheckedThrough = try c.decodeIfPresent(Instant.self, forKey: .paceCheckedThrough)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.formatVersion, forKey: .version)
        try c.encode(reminders, forKey: .reminders)
        try c.encodeIfPresent(pause, forKey: .pause)
        try c.encodeIfPresent(runningSince, forKey: .runningSince)
        try c.encode(rateLimit, forKey: .rateLimit)
        if !held.isEmpty { try c.encode(held, forKey: .held) }
        try c.encodeIfPresent(paceCheckedThrough, forKey: .paceCheckedThrough)
        if !sleeps.isEmpty { try c.encode(sleeps, forKey: .sleeps) }
    }
}
