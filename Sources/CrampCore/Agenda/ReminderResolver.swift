/// One occurrence of a reminder as the resolver plans it: a scheduled one, or the end of a
/// snooze, with the time quiet hours defer it to.
struct PlannedOccurrence {
    /// The planned time.
    let due: Instant
    /// When it fires: `due`, or the end of the quiet window `due` falls in.
    let fireAt: Instant
    let isSnooze: Bool
    /// Set when the last dose of its electrolyte moved it to the end of `<electrolyte>_min_gap`.
    var spacing: DoseSpacing? = nil
}

/// What happens to an occurrence whose firing time has come.
enum Disposition: Equatable {
    case fire
    case miss
    case skip(SkipReason)
    case silence
}

/// Works out one reminder at `context.now`: which of its occurrences are due
/// and what becomes of them, its new state, and its next firing.
struct ReminderResolver {
    let context: AgendaContext

    struct Resolution {
        var state: ReminderState
        var entry: AgendaEntry
        /// When the daemon must step again for this reminder.
        var wake: Instant?
        /// Missed occurrences wait for the end of quiet hours (and need the pause kept until then).
        var waitsForQuietEnd: Bool
    }

    func resolve(_ reminder: Reminder, stored: ReminderState?, actions: inout [AgendaAction]) -> Resolution {
        let now = context.now
        var state = stored ?? ReminderState(handledThrough: now)  // new: no historic occurrences
        if state.handledThrough > now, state.handledThrough - now > Agenda.clockStepBackTolerance {
            // The clock was set back by more than we wait out: the old marks belong
            // to a future that did not happen. Plan again from now.
            state.handledThrough = now
            if let done = state.lastDone, done > now { state.lastDone = now }
            state.followUp = nil
        }
        if reminder.followUp == nil { state.followUp = nil }  // `repeat` taken out by a reload: nothing more is owed
        if let snooze = state.snoozedUntil, snooze <= state.handledThrough { state.snoozedUntil = nil }
        state.droppingSpentSkipUntil()

        var missed = Tally(), silenced = Tally()
        var onTime: PlannedOccurrence?
        var examined = 0
        var mayJump = true
        var waiting = false
        var firstAhead: PlannedOccurrence?  // kept so the next firing is not computed twice
        var handledAny = false  // a newer occurrence ends the follow-ups of the one before
        while let occurrence = nextOccurrence(of: reminder, in: state) {
            if occurrence.fireAt > now { firstAhead = occurrence; break }
            examined += 1
            if examined > Agenda.maximumOccurrencesCounted && mayJump {
                mayJump = false
                if jumpToLatestOverdue(reminder, &state, &missed, &silenced) { handledAny = true; continue }
            }
            var disposition = self.disposition(of: occurrence, reminder: reminder, state: state)
            if disposition == .fire && context.pausedNow { disposition = .miss }
            if disposition == .miss && context.quietEndNow != nil && !context.pausedNow {
                // Nothing is caught up inside quiet hours: leave these to be judged at their end.
                waiting = true
                break
            }
            switch disposition {
            case .fire: onTime = occurrence
            case .miss: missed.add(occurrence.due)
            case .silence: silenced.add(occurrence.due)
            case .skip(let reason):
                actions.append(.skipped(reminderID: reminder.id, due: occurrence.due, reason: reason))
                if reason == .requested { state.usingSkip() }
            }
            handledAny = true
            consume(occurrence, into: &state)
        }

        if handledAny { endFollowUps(of: reminder, &state, actions: &actions) }
        if let latest = silenced.latest {
            actions.append(.silenced(reminderID: reminder.id, count: silenced.count, latestDue: latest))
        }
        if var summary = missed.summary {
            summary.whileAsleep = context.slept(at: summary.latestDue)
            actions.append(.missed(reminderID: reminder.id, summary))
        }
        if let occurrence = onTime {
            var firing = Firing(reminderID: reminder.id, due: occurrence.due, fireAt: occurrence.fireAt,
                                reason: occurrence.isSnooze ? .snoozed : .scheduled, spacedAfterDose: occurrence.spacing)
            firing.pacedMilliliters = context.pacedAmount(of: reminder, due: occurrence.due, lastDone: lastDone(of: reminder, state))
            fireOrHold(firing, of: reminder, &state, actions: &actions)
        } else if let summary = missed.summary, catchUpPolicy(of: reminder) == .once, !context.pausedNow {
            if let reason = context.intakeSkipReason(for: reminder, firingAt: now) {
                actions.append(.skipped(reminderID: reminder.id, due: summary.latestDue, reason: reason))
            } else {
                var firing = Firing(reminderID: reminder.id, due: summary.latestDue, fireAt: now, reason: .catchUp,
                                    lateWhileRunning: context.wasRunning(at: summary.latestDue),
                                    whileAsleep: context.slept(at: summary.latestDue))
                firing.pacedMilliliters = context.pacedAmount(of: reminder, due: now, lastDone: lastDone(of: reminder, state))
                fireOrHold(firing, of: reminder, &state, actions: &actions)
            }
        } else if !handledAny {
            followUpIfDue(reminder, &state, actions: &actions)
        }

        var result = waiting ? resolutionWaitingForQuietEnd(reminder, state: state)
                             : resolution(reminder, state: state, firstAhead: firstAhead)
        addingFollowUp(of: reminder, to: &result)
        return result
    }

    // MARK: - Occurrences

    func nextOccurrence(of reminder: Reminder, in state: ReminderState) -> PlannedOccurrence? {
        if let snooze = state.snoozedUntil {
            return PlannedOccurrence(due: snooze, fireAt: context.quietHours.deferral(of: snooze), isSnooze: true)
        }
        guard let due = reminder.schedule.nextDue(after: state.handledThrough, in: reminder.zone ?? context.zone, lastDone: lastDone(of: reminder, state)) else {
            return nil
        }
        guard due > state.handledThrough else {
            preconditionFailure("BUG: Schedule.nextDue(after: \(state.handledThrough)) returned \(due), not strictly after")
        }
        // A dose too soon after the last one waits for the end of the gap (then for quiet hours).
        let spacing = context.doseSpacing(for: reminder, due: due)
        return PlannedOccurrence(due: due, fireAt: context.quietHours.deferral(of: max(due, spacing?.gapEnd ?? due)),
                                 isSnooze: false, spacing: spacing)
    }

    /// The confirmation the schedule counts from: its own with `anchor = "last-done"`, the other
    /// reminder's with `after`. (Passed only then, because `EverySchedule.nextDue` of branch
    /// `time` uses any `lastDone` it is given.)
    func lastDone(of reminder: Reminder, _ state: ReminderState) -> Instant? {
        switch reminder.schedule {
        case .every(let every) where every.anchor == .lastDone: state.lastDone
        case .after(let chain): context.anchorsDone[chain.anchorID]
        default: nil
        }
    }

    /// Marks an occurrence handled. A snooze absorbs the scheduled occurrences up to its end.
    func consume(_ occurrence: PlannedOccurrence, into state: inout ReminderState) {
        state.handledThrough = max(state.handledThrough, occurrence.due)
        if occurrence.isSnooze { state.snoozedUntil = nil }
    }

    /// The rules in order: a requested skip, then a pause, then the smart intake
    /// rules, then lateness against grace.
    func disposition(of occurrence: PlannedOccurrence, reminder: Reminder, state: ReminderState) -> Disposition {
        if !occurrence.isSnooze && state.skipsRequested(occurrence.due) { return .skip(.requested) }
        if context.pause?.covers(occurrence.fireAt) ?? false { return .silence }
        if let reason = context.intakeSkipReason(for: reminder, firingAt: occurrence.fireAt) { return .skip(reason) }
        return context.now - occurrence.fireAt <= context.grace ? .fire : .miss
    }

    func catchUpPolicy(of reminder: Reminder) -> CatchUpPolicy { reminder.catchUp ?? context.defaultCatchUp }

    // MARK: - The next firing

    private func resolution(_ reminder: Reminder, state: ReminderState, firstAhead: PlannedOccurrence?) -> Resolution {
        let ahead = upcoming(reminder, from: state, first: firstAhead)
        let entry = AgendaEntry(reminderID: reminder.id, next: ahead.next, skipping: ahead.skipping, skipped: ahead.skipped)
        return Resolution(state: state, entry: entry, wake: ahead.wake, waitsForQuietEnd: false)
    }

    /// Missed occurrences found inside quiet hours stay unhandled; at the end of
    /// the quiet window they are recorded and caught up (once), unless an
    /// occurrence deferred to that same moment fires anyway.
    private func resolutionWaitingForQuietEnd(_ reminder: Reminder, state: ReminderState) -> Resolution {
        guard let quietEnd = context.quietEndNow else { preconditionFailure("BUG: waiting for quiet hours outside them") }
        var probe = state
        var waiting = Tally()
        while let occurrence = nextOccurrence(of: reminder, in: probe), occurrence.fireAt <= context.now,
              waiting.count < Agenda.maximumOccurrencesCounted {
            waiting.add(occurrence.due)
            if !occurrence.isSnooze && probe.skipsRequested(occurrence.due) { probe.usingSkip() }
            consume(occurrence, into: &probe)
        }
        let ahead = upcoming(reminder, from: probe)
        var next = ahead.next
        if catchUpPolicy(of: reminder) == .once, let latest = waiting.latest, next.map({ $0.fireAt > quietEnd }) ?? true {
            next = Firing(reminderID: reminder.id, due: latest, fireAt: quietEnd, reason: .catchUp)
        }
        let entry = AgendaEntry(reminderID: reminder.id, next: next, skipping: ahead.skipping, skipped: ahead.skipped,
                                missedWaiting: waiting.summary)
        return Resolution(state: state, entry: entry, wake: quietEnd, waitsForQuietEnd: true)
    }

    /// What lies ahead of a reminder's state.
    struct Upcoming {
        var next: Firing?
        /// The occurrence a pending `skip` will drop.
        var skipping: Instant? { skipped.first }
        /// Every occurrence pending skips will drop that was looked past (for `--until`, the first only).
        var skipped: [Instant] = []
        /// The firing time of the first occurrence the intake rules will skip: the
        /// daemon wakes then, so the skip is judged with the facts of its time.
        var firstSkippedForIntake: Instant?

        /// When the daemon must step for this reminder.
        var wake: Instant? {
            guard let skipped = firstSkippedForIntake else { return next?.fireAt }
            return min(skipped, next?.fireAt ?? skipped)
        }
    }

    /// The next firing at or after `state`, looking past what will be skipped or
    /// silenced. Bounded: a reminder that is skipped more than
    /// `Agenda.maximumOccurrencesLookedAhead` times in a row shows no next firing.
    /// `first`, when given, is `nextOccurrence(of: reminder, in: state)`, already computed.
    func upcoming(_ reminder: Reminder, from state: ReminderState, first: PlannedOccurrence? = nil) -> Upcoming {
        var probe = state
        var result = Upcoming()
        var known = first
        for _ in 0..<Agenda.maximumOccurrencesLookedAhead {
            guard let occurrence = known ?? nextOccurrence(of: reminder, in: probe) else { return result }
            known = nil
            consume(occurrence, into: &probe)
            if !occurrence.isSnooze && probe.skipsRequested(occurrence.due) {
                result.skipped.append(occurrence.due)
                if probe.skipNext {
                    probe.usingSkip()
                } else if let until = probe.skipUntil {
                    // Skipped until then: jump there instead of looking past each occurrence.
                    probe.handledThrough = max(probe.handledThrough, until - TimeSpan(microseconds: 1))
                }
                continue
            }
            if let pause = context.pause, pause.covers(occurrence.fireAt) {
                guard let until = pause.until else { return result }  // paused until resumed
                probe.handledThrough = max(probe.handledThrough, until - TimeSpan(microseconds: 1))
                continue
            }
            switch context.intakeSkipReason(for: reminder, firingAt: occurrence.fireAt) {
            case .waterGoalMet?:
                result.firstSkippedForIntake = result.firstSkippedForIntake ?? occurrence.fireAt
                if let until = context.waterGoalMetUntil {
                    probe.handledThrough = max(probe.handledThrough, until - TimeSpan(microseconds: 1))
                }
                continue
            case .dailyCapReached?:
                result.firstSkippedForIntake = result.firstSkippedForIntake ?? occurrence.fireAt
                if let until = context.capsHoldUntil {
                    probe.handledThrough = max(probe.handledThrough, until - TimeSpan(microseconds: 1))
                }
                continue
            case .drinkLoggedRecently?, .requested?:
                result.firstSkippedForIntake = result.firstSkippedForIntake ?? occurrence.fireAt
                continue
            case nil:
                let reason: FiringReason = occurrence.isSnooze ? .snoozed : .scheduled
                result.next = Firing(reminderID: reminder.id, due: occurrence.due, fireAt: occurrence.fireAt, reason: reason,
                                     spacedAfterDose: occurrence.spacing)
                return result
            }
        }
        return result
    }

    // MARK: - Long downtime

    /// After `Agenda.maximumOccurrencesCounted` overdue occurrences, jumps to the
    /// latest one that is beyond grace instead of walking through all of them;
    /// the jumped-over ones are tallied as that one is (missed or silenced), and
    /// the count becomes a lower bound. Returns false when there is nothing to jump over.
    private func jumpToLatestOverdue(_ reminder: Reminder, _ state: inout ReminderState,
                                     _ missed: inout Tally, _ silenced: inout Tally) -> Bool {
        let horizon = context.now - context.grace
        guard state.snoozedUntil == nil,
              let latest = latestDue(of: reminder, atOrBefore: horizon, after: state.handledThrough, lastDone: lastDone(of: reminder, state)),
              latest > state.handledThrough else { return false }
        if context.pause?.covers(context.quietHours.deferral(of: latest)) ?? false {
            silenced.add(latest); silenced.isLowerBound = true
        } else {
            missed.add(latest); missed.isLowerBound = true
        }
        state.handledThrough = latest
        state.skipNext = false
        state.skipAfterNext = nil
        return true
    }

    /// The latest occurrence due in `(floor, horizon]`. Schedules only look forwards, so:
    /// search backwards from `horizon` in doubling steps for a point with an occurrence after
    /// it, then bisect for the last point whose next occurrence is still within `horizon`.
    /// About 2·log2(span) schedule lookups however many occurrences lie in between (a pause
    /// until the year 9999 over a minutely calendar is millions of them).
    func latestDue(of reminder: Reminder, atOrBefore horizon: Instant, after floor: Instant, lastDone: Instant?) -> Instant? {
        func dueWithin(after t: Instant) -> Instant? {
            reminder.schedule.nextDue(after: t, in: reminder.zone ?? context.zone, lastDone: lastDone).flatMap { $0 <= horizon ? $0 : nil }
        }
        var span = TimeSpan.minutes(1)
        var none = horizon  // nothing due in (none, horizon]
        var some: Instant    // something due in (some, horizon]
        while true {
            let from = max(floor, horizon - span)
            if dueWithin(after: from) != nil { some = from; break }
            if from == floor { return nil }
            none = from
            span = span * 2
        }
        while none - some > TimeSpan(microseconds: 1) {
            let middle = some + TimeSpan(microseconds: (none - some).microseconds / 2)
            if dueWithin(after: middle) != nil { some = middle } else { none = middle }
        }
        return dueWithin(after: some)
    }
}
