/// Local calendar days in a zone: what "today" and "per day" mean in the diary.
public enum LocalDay {
    /// The local date at `instant`.
    public static func date(of instant: Instant, in zone: Zone) -> CivilDate {
        zone.localDateTime(at: instant).date
    }

    /// The first instant of `date`: local midnight, or the end of a DST gap that swallows midnight,
    /// or the earlier of two midnights.
    public static func start(of date: CivilDate, in zone: Zone) -> Instant {
        switch zone.resolve(LocalDateTime(date: date, time: TimeOfDay(hour: 0, minute: 0))) {
        case .unique(let i): i
        case .gap(let transition): transition
        case .repeated(let earlier, _): earlier
        }
    }

    /// From the day's start up to the next day's start (23, 24 or 25 hours).
    public static func interval(of date: CivilDate, in zone: Zone) -> Range<Instant> {
        start(of: date, in: zone)..<start(of: date.adding(days: 1), in: zone)
    }

    /// The `days` local days ending with the one containing `now`: from the first one's start
    /// up to the end of today.
    public static func interval(lastDays days: Int, endingAt now: Instant, in zone: Zone) -> Range<Instant> {
        let today = date(of: now, in: zone)
        return start(of: today.adding(days: -(max(days, 1) - 1)), in: zone)..<start(of: today.adding(days: 1), in: zone)
    }

    /// The latest instant at or before `now` whose wall-clock time is `time`: "--at 03:10" means
    /// today 03:10 if that has passed, else yesterday's. In a DST repeat the later match wins
    /// when it has passed; a time inside a DST gap means the instant of the jump.
    public static func mostRecent(_ time: TimeOfDay, atOrBefore now: Instant, in zone: Zone) -> Instant {
        let today = date(of: now, in: zone)
        for d in [today, today.adding(days: -1), today.adding(days: -2)] {
            let candidates: [Instant]
            switch zone.resolve(LocalDateTime(date: d, time: time)) {
            case .unique(let i): candidates = [i]
            case .gap(let transition): candidates = [transition]
            case .repeated(let earlier, let later): candidates = [later, earlier]
            }
            if let hit = candidates.first(where: { $0 <= now }) { return hit }
        }
        preconditionFailure("BUG: no instant with local time \(time) in the two days before \(now)")
    }
}
