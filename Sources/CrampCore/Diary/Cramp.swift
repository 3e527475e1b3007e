/// One muscle cramp the person logged (`crampd ctl cramp [--muscle calf] [--severity 6] [--at 03:10] [--note …]`).
public struct Cramp: Sendable, Equatable, Hashable, Codable {
    public var time: Instant
    /// Free text, lowercased and trimmed: "calf", "foot", "hamstring".
    public var muscle: String?
    /// 1 (barely noticeable) to 10 (worst imaginable).
    public var severity: Int
    public var note: String?
    /// Derived once, when the cramp is logged, by `NightHours` in the zone of that moment,
    /// and stored: a later change of zone must not rewrite history.
    public var atNight: Bool

    /// Unchecked; for values read back from the store. New input goes through `validated`.
    public init(time: Instant, muscle: String? = nil, severity: Int, note: String? = nil, atNight: Bool) {
        self.time = time; self.muscle = muscle; self.severity = severity; self.note = note; self.atNight = atNight
    }

    public static let severityRange = 1...10
    /// What `crampd ctl cramp` records when no `--severity` is given: the middle of the scale.
    public static let defaultSeverity = 5

    /// A cramp from user input, with `atNight` derived from `nightHours` in `zone`, or the reason it is refused.
    public static func validated(time: Instant, muscle: String? = nil, severity: Int = defaultSeverity, note: String? = nil,
                                 zone: Zone, nightHours: NightHours = .default) throws(DiaryValidationError) -> Cramp {
        guard severityRange.contains(severity) else { throw .severityOutOfRange(severity) }
        return Cramp(time: time, muscle: try DiaryText.muscle(muscle), severity: severity, note: try DiaryText.note(note),
                     atNight: nightHours.contains(zone.localDateTime(at: time).time))
    }
}
