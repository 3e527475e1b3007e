/// The agenda: a pure function of the config, the persisted state, intake facts
/// and `now` (functional core; the daemon owns the clock and the timer).
///
/// The rules, each tested in `Tests/CrampCoreTests/Agenda*`:
/// - Occurrences come from `Schedule.nextDue`, strictly after the reminder's
///   `handledThrough`; handling one moves that mark to its planned time, so none fires twice.
/// - A reminder without state is new: it starts at `now`, with no historic occurrences.
/// - Quiet hours defer a firing to the end of the quiet window; everything
///   deferred to the same moment fires once.
/// - A snooze replaces the next firing by one at `snoozedUntil`; scheduled
///   occurrences up to then are absorbed by it.
/// - A requested skip drops exactly the next scheduled occurrence.
/// - A pause silences every firing inside it; what it silenced is never caught up.
///   While paused, nothing fires, not even a catch-up.
/// - A firing later than `grace` is missed. Per reminder and step: if an
///   occurrence is on time it fires (the misses are only recorded); else with
///   `catch_up = "once"` a single catch-up fires now, with `"skip"` nothing does.
///   Inside quiet hours, misses wait for the end of the window and are judged then.
/// - Hydration reminders: an occurrence is skipped when a drink was logged within
///   `skip_if_logged_within` before its firing time (or in the grace after it), and
///   for the rest of the local day once the water goal is met; a catch-up is
///   skipped likewise. The daemon wakes at each such occurrence, so the skip is
///   judged with the facts of its time.
/// - Electrolyte reminders: an occurrence (or catch-up) whose amount would take
///   today's total past the `[goals]` cap is skipped, for the rest of the local day.
/// - The clock set back by up to `clockStepBackTolerance` is waited out (nothing
///   fires twice); set back further, planning restarts from `now`.
/// - Disabled reminders and reminders gone from the config lose their state, so
///   enabling one again starts it afresh instead of catching up its idle time.
/// - All reminders together produce at most what `EventRateLimit` allows; the rest
///   is dropped, with one `RateLimitNotice` per episode.
/// - A reminder with `repeat` follows up a fired occurrence until it is done, snoozed or
///   skipped: every `repeat`, at most `repeat_max` times, then it is missed, once; a newer
///   occurrence ends the follow-ups of the older one (missed too). Follow-ups wait out quiet
///   hours and a pause, and pass the intake rules and the rate limit like any firing
///   (ReminderResolver+FollowUp.swift).
/// - While popups are held (`holding`: away, locked, asleep, do-not-disturb; not with
///   `while_away = "deliver"`), a firing is held instead: journal only, kept in `state.held`,
///   no follow-ups; follow-ups already running wait. An `urgent` reminder goes through
///   do-not-disturb. The first step with nothing holding reports every held one exactly once
///   (`BackReport`): those held longer than grace as missed (recorded in the diary too).
/// - `[goals] <electrolyte>_min_gap`: a dose occurrence due sooner than that after the last logged
///   dose of its electrolyte fires at the end of the gap instead (DoseSpacing.swift).
/// - `[goals] water_checkpoints`: at each checkpoint a `BehindNotice` when the day's water is
///   below it (Agenda+Pace.swift); a `pace = true` reminder's firing carries the amount that
///   keeps the day on track (WaterPace.swift).
/// - A reminder with `after` falls due `delay` after the other reminder was last confirmed
///   (its `lastDone`, kept in this state), or at its `latest` fallback (ChainSchedule.swift).
/// - A catch-up for occurrences due after `state.runningSince` says it is late:
///   crampd was running but held up (stopped, suspended), not down.
public enum Agenda {
    /// Past this many overdue occurrences of one reminder in one step (a week of
    /// downtime at a 10-minute interval), the rest are jumped over, not counted one by one.
    public static let maximumOccurrencesCounted = 1_000
    /// How many skipped or silenced occurrences the plan looks past to find a next firing.
    public static let maximumOccurrencesLookedAhead = 64
    /// A backward clock step up to this is waited out; a larger one is a correction of a wrong clock.
    public static let clockStepBackTolerance = TimeSpan.hours(1)

    /// The next firing of every enabled reminder at `now`, and what is due now. Changes nothing.
    public static func plan(config: Config, zone: Zone, state: AgendaState, now: Instant,
                            intake: IntakeFacts = .none, holding: [HoldReason] = []) -> AgendaPlan {
        compute(config: config, zone: zone, state: state, now: now, intake: intake, holding: holding, keepingState: false).plan
    }

    /// What the daemon does whenever its timer fires or something changed: act on
    /// `actions` (in order), save `state`, arm the timer at `nextWake`.
    /// Every reminder is resolved afresh: a step for the default config costs about
    /// 67k instructions (BENCHMARKS.md, "What the machinery buys").
    /// `holding`: why popups are held now (`Presence.holdReasons`); a firing then is held, and
    /// the first step with nothing holding says once what was held (`AgendaAction.back`).
    public static func step(config: Config, zone: Zone, state: AgendaState, now: Instant,
                            intake: IntakeFacts = .none, holding: [HoldReason] = []) -> AgendaStep {
        compute(config: config, zone: zone, state: state, now: now, intake: intake, holding: holding, keepingState: true)
    }

    /// After a reload or `crampd ctl set`: reminders whose schedule changed start
    /// afresh at `now` (what the old schedule planned is not owed under the new one).
    /// Removed and disabled reminders are pruned by the next `step`.
    public static func reconcile(previous: Config, current: Config, state: AgendaState, now: Instant) -> AgendaState {
        var result = state
        for reminder in current.reminders {
            guard let old = previous.reminder(id: reminder.id), old.schedule != reminder.schedule,
                  state.reminders[reminder.id] != nil else { continue }
            result = result.restarting(reminder.id, now: now)
        }
        return result
    }

    private static func compute(config: Config, zone: Zone, state: AgendaState, now: Instant,
                                intake: IntakeFacts, holding: [HoldReason], keepingState: Bool) -> AgendaStep {
        // Held reminders a reload removed or disabled are no longer owed.
        let held = state.held.filtered { config.reminder(id: $0)?.enabled == true }
        let context = AgendaContext(config: config, zone: zone, pause: state.pause, runningSince: state.runningSince,
                                    sleeps: state.sleeps, now: now,
                                    intake: intake, holding: holding, heldFor: held.isEmpty ? [] : held.reasons,
                                    anchorsDone: anchorsDone(config: config, state: state))
        let resolver = ReminderResolver(context: context)
        var actions: [AgendaAction] = []
        var entries: [AgendaEntry] = []
        entries.reserveCapacity(config.reminders.count)
        var reminders: [String: ReminderState] = [:]
        if keepingState { reminders.reserveCapacity(config.reminders.count) }
        var nextWake: Instant?
        var somethingWaitsForQuietEnd = false
        for reminder in config.reminders where reminder.enabled {
            let resolution = resolver.resolve(reminder, stored: state.reminders[reminder.id], actions: &actions)
            entries.append(resolution.entry)
            if keepingState { reminders[reminder.id] = resolution.state }
            if let wake = resolution.wake, nextWake.map({ wake < $0 }) ?? true { nextWake = wake }
            somethingWaitsForQuietEnd = somethingWaitsForQuietEnd || resolution.waitsForQuietEnd
        }
        let checkpoints = resolveCheckpoints(config: config, context: context, checkedThrough: state.paceCheckedThrough)
        if let wake = checkpoints?.wake, nextWake.map({ wake < $0 }) ?? true { nextWake = wake }
        var pause = state.pause
        // An ended pause is dropped once everything it silenced has been handled.
        if let until = pause?.until, until <= now, !somethingWaitsForQuietEnd { pause = nil }
        let admitted = state.rateLimit.admitting(actions, now: now)
        actions = admitted.kept
        // The held ones the rate limit let through are remembered; on return, the one message
        // (never dropped: it stands for what was already admitted) and the misses it reports.
        var nowHeld = held.adding(actions.compactMap { if case .held(let h) = $0 { h } else { nil } }, now: now, grace: context.grace)
        if context.holdReasons.isEmpty, let report = BackReport.returning(nowHeld, now: now, grace: context.grace) {
            actions += report.missed.map { .missed(reminderID: $0.reminderID, $0.missed) }
            actions.append(.back(report))
            nowHeld = .none
        }
        // The behind notice is an event like a firing: it passes the same limit, after them.
        let behind = admitted.limit.admitting(checkpoints?.notice.map { [$0] } ?? [], now: now)
        let plan = AgendaPlan(now: now, entries: entries, dueNow: actions, nextWake: nextWake)
        guard keepingState else { return AgendaStep(actions: actions, state: state, plan: plan, behind: behind.kept.first) }
        var newState = AgendaState(reminders: reminders, pause: pause, runningSince: state.runningSince, rateLimit: behind.limit,
                                   held: nowHeld, sleeps: state.sleeps)
        newState.paceCheckedThrough = checkpoints?.checkedThrough
        let dropped = admitted.dropped + behind.dropped
        return AgendaStep(actions: actions, state: newState, plan: plan,
                          rateLimited: admitted.startedDropping || behind.startedDropping ? RateLimitNotice(dropped: dropped) : nil,
                          behind: behind.kept.first)
    }
}
