/// `after = "dinner"` with `delay = "2h"` and optional `latest = "22:30"`: a dose timed from
/// another reminder's confirmation ("magnesium 2 h after dinner").
///
/// Rules (local time of the reminder's zone):
/// - Each confirmation of the reminder named by `after` (`crampd ctl done`, the popup's Done),
///   at `d`, brings one occurrence at `d + delay`.
/// - With `latest`: the occurrence comes at the latest at `latest` of the day `d` falls on
///   (`min(d + delay, latest)`), and on a day with no confirmation before `latest` it comes at
///   `latest` (the fallback). A confirmation at or after `latest` brings nothing more that day:
///   the fallback stood for it.
/// - Without `latest`, a day without a confirmation has no occurrence.
/// Only the latest confirmation is known (`ReminderState.lastDone` of the other reminder, kept
/// in the state file, so a restart keeps it).
public struct ChainSchedule: Sendable, Equatable {
    /// The id of the reminder whose confirmation starts the delay.
    public var anchorID: String
    public var delay: TimeSpan
    /// The fallback, and the latest time of day the occurrence comes.
    public var latest: TimeOfDay?

    /// A dose timed from a meal comes the same day or the night after; longer is a schedule's job.
    public static let maximumDelay = TimeSpan.hours(24)

    public init(anchorID: String, delay: TimeSpan, latest: TimeOfDay? = nil) {
        self.anchorID = anchorID; self.delay = delay; self.latest = latest
    }

    /// The first occurrence strictly after `instant`, given the anchor's latest confirmation.
    public func nextDue(after instant: Instant, in zone: Zone, anchorDone: Instant?) -> Instant? {
        var candidates: [Instant] = []
        if let done = anchorDone, let due = occurrence(confirmedAt: done, in: zone), due > instant { candidates.append(due) }
        if let latest {
            // The fallback on the first day from `instant`'s whose `latest` is after it and
            // that the known confirmation does not stand for. Two days cover a DST gap at `latest`.
            let first = LocalDay.date(of: instant, in: zone)
            for offset in 0..<3 {
                let day = first.adding(days: offset)
                let fallback = Self.instant(of: latest, on: day, in: zone)
                guard fallback > instant else { continue }
                if let done = anchorDone, LocalDay.date(of: done, in: zone) == day, done < fallback { continue }
                candidates.append(fallback)
                break
            }
        }
        return candidates.min()
    }

    /// The occurrence a confirmation at `done` brings; nil when it came at or after `latest` that day.
    func occurrence(confirmedAt done: Instant, in zone: Zone) -> Instant? {
        let due = done + delay
        guard let latest else { return due }
        let cutoff = Self.instant(of: latest, on: LocalDay.date(of: done, in: zone), in: zone)
        return done < cutoff ? min(due, cutoff) : nil
    }

    /// A time of day on a date: the jump when the clock skips it, the first when it shows it twice.
    static func instant(of time: TimeOfDay, on date: CivilDate, in zone: Zone) -> Instant {
        switch zone.resolve(LocalDateTime(date: date, time: time)) {
        case .unique(let at): at
        case .gap(let transition): transition
        case .repeated(let earlier, _): earlier
        }
    }
}
