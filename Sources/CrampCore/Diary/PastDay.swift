/// `crampd ctl today --date 2026-12-01`: a local date up to today, shown as it ended
/// (today itself is shown as it is now: `nil` from `parse`).
public struct PastDay: Equatable, Sendable {
    public var date: CivilDate
    /// The last instant of that local day: the summary's "now".
    public var lastInstant: Instant

    /// `nil` for today; an error for a date that is malformed or in the future.
    public static func parse(_ text: String, now: Instant, zone: Zone) -> Result<PastDay?, DiaryValidationError> {
        guard let date = CivilDate(isoText: text) else {
            return .failure(.dateMalformed(text))
        }
        let today = LocalDay.date(of: now, in: zone)
        if date > today { return .failure(.dateInTheFuture(text, today: today)) }
        if date == today { return .success(nil) }
        let end = LocalDay.interval(of: date, in: zone).upperBound - TimeSpan(microseconds: 1)
        return .success(PastDay(date: date, lastInstant: end))
    }
}
