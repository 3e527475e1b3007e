/// `[goals] <electrolyte>_min_gap = "4h"`: doses of one electrolyte kept apart. A dose reminder
/// due sooner than that after the last logged dose of its electrolyte waits for the end of the
/// gap (the journal says so); `crampd ctl take` inside the gap warns, and still logs.
public struct DoseSpacing: Equatable, Sendable {
    public var electrolyte: Electrolyte
    public var lastDose: Instant
    public var gap: TimeSpan

    /// A gap of more than a day would hold every daily dose back for good.
    public static let maximumGap = TimeSpan.hours(24)

    public init(electrolyte: Electrolyte, lastDose: Instant, gap: TimeSpan) {
        self.electrolyte = electrolyte; self.lastDose = lastDose; self.gap = gap
    }

    /// When the next dose may come.
    public var gapEnd: Instant { lastDose + gap }

    /// The spacing that holds back an occurrence of `reminder` due at `due`, if one does.
    static func holding(_ reminder: Reminder, due: Instant, gaps: [Electrolyte: TimeSpan],
                        lastDose: [Electrolyte: Instant]) -> DoseSpacing? {
        guard reminder.kind == .electrolyte, let electrolyte = reminder.electrolyte,
              let gap = gaps[electrolyte], let last = lastDose[electrolyte] else { return nil }
        let spacing = DoseSpacing(electrolyte: electrolyte, lastDose: last, gap: gap)
        return due < spacing.gapEnd ? spacing : nil
    }

    /// For the journal: "moved to 14:05, 4h after the last magnesium dose at 10:05".
    public func movedWording(in zone: Zone) -> String {
        "moved to \(DiaryTimeFormat.clock(gapEnd, in: zone)), \(DurationSyntax.format(gap)) after the last \(electrolyte.rawValue) dose at \(DiaryTimeFormat.clock(lastDose, in: zone))"
    }

    /// `crampd ctl take` at `now` inside the gap: the sentence that warns, or nil outside it.
    public static func takeWarning(_ electrolyte: Electrolyte, at now: Instant, lastDose: Instant?, gap: TimeSpan?, zone: Zone) -> String? {
        guard let lastDose, let gap, lastDose <= now, now - lastDose < gap else { return nil }
        let since = DurationSyntax.format(TimeSpan.minutes((now - lastDose).microseconds / 60_000_000))
        return "That is \(since == "0s" ? "less than a minute" : since) after your last \(electrolyte.rawValue) dose (at \(DiaryTimeFormat.clock(lastDose, in: zone))), "
            + "sooner than the \(DurationSyntax.format(gap)) you keep between them ([goals] \(ConfigKeys.minimumGapKey(electrolyte))); it is logged, "
            + "and a \(electrolyte.rawValue) reminder due before \(DiaryTimeFormat.clock(now + gap, in: zone)) waits until then."
    }
}
