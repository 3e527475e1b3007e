/// Keeping pace with the day's water (`[goals] water_checkpoints`, `pace = true`): pure rules.
///
/// - A catch-up is never more than `maximumAtOnceMilliliters` at once, nor more than
///   `maximumPerHourMilliliters` together with what was drunk in the last hour: more than
///   the kidneys clear (generally accepted guidance; educational, not medical advice).
/// - The day is far behind when the deficit is more than one catch-up may make up
///   (`farBehindMilliliters`): the notice then also suggests a drink with electrolytes, since a lot
///   of plain water alone can dilute the body's salts further.
public enum WaterPace {
    public static let maximumAtOnceMilliliters = 500
    public static let maximumPerHourMilliliters = 1000
    public static let farBehindMilliliters = maximumAtOnceMilliliters

    /// What to drink now toward `deficit`, given what was drunk in the last hour.
    public static func catchUp(deficit: Int, drankLastHour: Int) -> Int {
        max(0, min(deficit, maximumAtOnceMilliliters, maximumPerHourMilliliters - drankLastHour))
    }

    /// The amount of a `pace = true` reminder at an occurrence due at `due`: the rest of the goal
    /// spread over the occurrences left today, this one included; never below the configured
    /// amount, never above `maximumAtOnceMilliliters` (unless the configured amount is).
    static func paceAmount(of reminder: Reminder, due: Instant, goal: Int, waterToday: Int, zone: Zone, lastDone: Instant?) -> Int {
        let floor = reminder.amount ?? 0
        let left = occurrencesLeftToday(of: reminder, from: due, zone: zone, lastDone: lastDone)
        let share = left > 0 ? (max(0, goal - waterToday) + left - 1) / left : 0
        return max(floor, min(share, maximumAtOnceMilliliters))
    }

    /// Occurrences of the reminder from `due` (included) to the end of its local day; at most a day's minutes.
    static func occurrencesLeftToday(of reminder: Reminder, from due: Instant, zone: Zone, lastDone: Instant?) -> Int {
        let end = LocalDay.interval(of: LocalDay.date(of: due, in: zone), in: zone).upperBound
        var count = 1
        var cursor = due
        while count < 1_440, let next = reminder.schedule.nextDue(after: cursor, in: zone, lastDone: lastDone), next < end {
            count += 1
            cursor = next
        }
        return count
    }

    /// Where today stands at `now` (`crampd ctl today`): the water expected by now is the latest
    /// checkpoint passed, or the goal in proportion to the time passed between the first and last
    /// occurrence today of each `pace = true` reminder, whichever is more. `nil` when neither is configured.
    public static func status(config: Config, waterToday: Int, now: Instant, zone: Zone) -> PaceStatus? {
        let pacers = config.reminders.filter { $0.enabled && $0.pace }
        guard !config.goals.waterCheckpoints.isEmpty || !pacers.isEmpty else { return nil }
        let today = LocalDay.date(of: now, in: zone)
        var expected = 0
        for checkpoint in config.goals.waterCheckpoints
        where ChainSchedule.instant(of: checkpoint.time, on: today, in: zone) <= now {
            expected = max(expected, checkpoint.milliliters)
        }
        if let goal = config.goals.waterMilliliters {
            let start = LocalDay.start(of: today, in: zone)
            for reminder in pacers {
                let reminderZone = reminder.zone ?? zone
                guard let first = reminder.schedule.nextDue(after: start - TimeSpan(microseconds: 1), in: reminderZone, lastDone: nil),
                      LocalDay.date(of: first, in: zone) == today else { continue }
                var last = first
                var count = 0
                while count < 1_440, let next = reminder.schedule.nextDue(after: last, in: reminderZone, lastDone: nil),
                      LocalDay.date(of: next, in: zone) == today {
                    last = next; count += 1
                }
                guard now > first else { continue }
                let span = max(1, (last - first).microseconds)
                let passed = min((now - first).microseconds, span)
                expected = max(expected, Int(Int64(goal) * passed / span))
            }
        }
        return PaceStatus(expectedMilliliters: expected, behindMilliliters: max(0, expected - waterToday))
    }
}

/// `crampd ctl today`: "on track" or "behind by 300 ml".
public struct PaceStatus: Codable, Equatable, Sendable {
    /// The water expected by now.
    public var expectedMilliliters: Int
    /// 0 when on track.
    public var behindMilliliters: Int

    public init(expectedMilliliters: Int, behindMilliliters: Int) {
        self.expectedMilliliters = expectedMilliliters; self.behindMilliliters = behindMilliliters
    }

    public var text: String { behindMilliliters == 0 ? "on track" : "behind by \(behindMilliliters) ml" }
}

/// A checkpoint found the day behind: one reminder says by how much (`CRAMPD_EVENT=behind`).
public struct BehindNotice: Equatable, Sendable {
    public var checkpoint: WaterCheckpoint
    /// The checkpoint's instant today (`CRAMPD_DUE_USEC`).
    public var due: Instant
    public var waterMilliliters: Int
    public var drankLastHourMilliliters: Int

    public init(checkpoint: WaterCheckpoint, due: Instant, waterMilliliters: Int, drankLastHourMilliliters: Int) {
        self.checkpoint = checkpoint; self.due = due; self.waterMilliliters = waterMilliliters
        self.drankLastHourMilliliters = drankLastHourMilliliters
    }

    public var deficitMilliliters: Int { max(0, checkpoint.milliliters - waterMilliliters) }
    public var suggestedMilliliters: Int { WaterPace.catchUp(deficit: deficitMilliliters, drankLastHour: drankLastHourMilliliters) }
    public var farBehind: Bool { deficitMilliliters > WaterPace.farBehindMilliliters }

    /// "600 of 800 ml by 12:00: drink about 200 ml now."
    public var message: String {
        var text = "\(waterMilliliters) of \(checkpoint.milliliters) ml by \(TimeSyntax.format(checkpoint.time)): "
        let suggested = suggestedMilliliters
        if suggested == 0 {
            text += "you drank \(drankLastHourMilliliters) ml in the last hour already; spread the rest over the coming hours rather than drinking more now."
        } else {
            text += "drink about \(suggested) ml now"
            text += suggested < deficitMilliliters
                ? " and spread the rest over the coming hours (at most \(WaterPace.maximumAtOnceMilliliters) ml at once and 1 L an hour)." : "."
        }
        if farBehind {
            text += " The day is far behind: make one of the drinks one with electrolytes (an oral rehydration drink or broth); a lot of plain water alone can dilute the body's salts further."
        }
        return text
    }
}
