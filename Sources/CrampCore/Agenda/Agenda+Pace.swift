/// `[goals] water_checkpoints` in the agenda: at each checkpoint (after quiet hours), one
/// `BehindNotice` when the day's water is below it, otherwise nothing.
///
/// - New (no mark): no historic checkpoints. Each is judged once; the mark
///   (`AgendaState.paceCheckedThrough`) moves past it.
/// - Of several passed at once, only the latest is judged: the day's standing, not a burst.
/// - No notice while paused, later than grace (crampd was down or suspended: the next
///   checkpoint judges the day), or when quiet hours pushed it into the next day (the
///   day's water would be the wrong day's).
/// - It passes the rate limit like any reminder event.
struct CheckpointResolution {
    var notice: BehindNotice?
    var checkedThrough: Instant
    var wake: Instant?
}

extension Agenda {
    static func resolveCheckpoints(config: Config, context: AgendaContext, checkedThrough stored: Instant?) -> CheckpointResolution? {
        let checkpoints = config.goals.waterCheckpoints
        guard !checkpoints.isEmpty else { return nil }
        let now = context.now
        var mark = stored ?? now
        // A mark from a future that did not happen (clock set back), or from long ago: start near now.
        if mark > now + clockStepBackTolerance { mark = now }
        if now - mark > .hours(48) { mark = now - .hours(48) }
        func next(after t: Instant) -> (WaterCheckpoint, Instant)? {
            let day = LocalDay.date(of: t, in: context.zone)
            for offset in -1...2 {
                for checkpoint in checkpoints {
                    let at = ChainSchedule.instant(of: checkpoint.time, on: day.adding(days: offset), in: context.zone)
                    if at > t { return (checkpoint, at) }
                }
            }
            return nil
        }
        var latest: (checkpoint: WaterCheckpoint, at: Instant, fireAt: Instant)?
        while let (checkpoint, at) = next(after: mark) {
            let fireAt = context.quietHours.deferral(of: at)
            guard fireAt <= now else { break }
            latest = (checkpoint, at, fireAt)
            mark = at
        }
        let wake = next(after: mark).map { context.quietHours.deferral(of: $0.1) }
        var notice: BehindNotice?
        if let latest, !context.pausedNow, !(context.pause?.covers(latest.fireAt) ?? false),
           now - latest.fireAt <= context.grace, LocalDay.date(of: latest.at, in: context.zone) == context.today,
           context.intake.waterTodayMilliliters < latest.checkpoint.milliliters {
            notice = BehindNotice(checkpoint: latest.checkpoint, due: latest.at, waterMilliliters: context.intake.waterTodayMilliliters,
                                  drankLastHourMilliliters: context.intake.waterLastHourMilliliters)
        }
        return CheckpointResolution(notice: notice, checkedThrough: mark, wake: wake)
    }
}
