/// When cramps deserve a word of advice in the journal (PRIORITY=4, own MESSAGE_ID).
public struct CrampInsightRule: Sendable, Equatable {
    /// This many cramps inside `window` trigger a notice…
    public var frequentCount: Int
    public var window: TimeSpan
    /// …and so does any single cramp in `window` at least this severe.
    public var severeSeverity: Int
    /// No notice sooner than this after the previous one.
    public var minimumInterval: TimeSpan

    public init(frequentCount: Int = 3, window: TimeSpan = .hours(24 * 7), severeSeverity: Int = 8,
                minimumInterval: TimeSpan = .hours(24 * 7)) {
        self.frequentCount = frequentCount; self.window = window
        self.severeSeverity = severeSeverity; self.minimumInterval = minimumInterval
    }

    /// 3 cramps in 7 days, or one of severity 8 or more; at most once a week.
    public static let `default` = CrampInsightRule()
}

/// The notice to write; the daemon records `now` as the last notice time once it is written.
public struct CrampInsightNotice: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// `count` cramps within the rule's window.
        case frequent(count: Int)
        /// The most severe cramp within the window.
        case severe(severity: Int, at: Instant)
    }
    public var reason: Reason
    /// Cramps in the window, and how many of them at night.
    public var cramps: Int
    public var nightCramps: Int

    /// Educational, not medical advice.
    public var message: String {
        let what: String
        switch reason {
        case .frequent(let count):
            what = "You logged \(count) cramps in the last 7 days" + (nightCramps > 0 ? " (\(nightCramps) at night)" : "") + "."
        case .severe(let severity, _):
            what = "You logged a cramp of severity \(severity) in the last 7 days."
        }
        return what + " Frequent or severe cramps deserve a doctor's visit, especially with weakness or numbness."
            + " This is general information from crampd, not medical advice."
    }
}

public enum CrampInsight {
    /// The notice due at `now`, or `nil`. Pure: the same records, last notice and now give the same answer.
    ///
    /// Cramps count when `now - window < time <= now`. Nothing is said again until
    /// `minimumInterval` after `lastNoticeAt`, and only about cramps logged after that notice,
    /// so the same cramps never trigger twice.
    public static func evaluate(cramps: [Cramp], lastNoticeAt: Instant?, now: Instant,
                                rule: CrampInsightRule = .default) -> CrampInsightNotice? {
        if let last = lastNoticeAt, now - last < rule.minimumInterval { return nil }
        let windowStart = now - rule.window
        let recent = cramps.filter { $0.time > windowStart && $0.time <= now }
        guard recent.contains(where: { lastNoticeAt == nil || $0.time > lastNoticeAt! }) else { return nil }
        let night = recent.count { $0.atNight }
        if let worst = recent.max(by: { ($0.severity, $1.time) < ($1.severity, $0.time) }), worst.severity >= rule.severeSeverity {
            return CrampInsightNotice(reason: .severe(severity: worst.severity, at: worst.time), cramps: recent.count, nightCramps: night)
        }
        if recent.count >= rule.frequentCount {
            return CrampInsightNotice(reason: .frequent(count: recent.count), cramps: recent.count, nightCramps: night)
        }
        return nil
    }
}
