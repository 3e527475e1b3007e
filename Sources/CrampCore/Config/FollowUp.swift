/// `repeat` and `repeat_max` of a reminder: an occurrence that is neither done, snoozed nor
/// skipped comes again every `interval`, at most `maximum` times, then counts as missed.
public struct FollowUp: Sendable, Equatable {
    /// At least `Schedule.minimumSpacing`, like every schedule: more often would flood.
    public var interval: TimeSpan
    /// 1...`maximumRepeats`.
    public var maximum: Int

    /// More nudges than this are nagging, not reminding (medication apps stop at four or five).
    public static let maximumRepeats = 10
    /// `repeat_max` when only `repeat` is set.
    public static let defaultMaximum = 3

    public init(interval: TimeSpan, maximum: Int) { self.interval = interval; self.maximum = maximum }
}
