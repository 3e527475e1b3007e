/// Follow-ups (`repeat`, `repeat_max`): a fired occurrence that is neither done, snoozed nor
/// skipped comes again every `repeat`, at most `repeat_max` times; `repeat` after the last
/// one it is recorded as missed, once. Answers end the chain in `AgendaState+Transitions`;
/// a newer occurrence handled before the chain ends records the older one as missed.
///
/// A follow-up never fires in quiet hours or while paused: it waits for their end (and is
/// dropped when a newer occurrence comes first). While firings are held (away, locked,
/// do-not-disturb, asleep) it waits too (`followUpFireAt`), and continues one `repeat` after
/// the person is back, so the message on return is the only popup then.
extension ReminderResolver {
    /// A firing of the occurrence due at `due` starts its follow-ups.
    func startFollowUps(of reminder: Reminder, due: Instant, _ state: inout ReminderState) {
        guard let followUp = reminder.followUp else { state.followUp = nil; return }
        state.followUp = FollowUpState(due: due, repeats: 0, nextAt: context.now + followUp.interval)
    }

    /// A newer occurrence was handled: the follow-ups of the older one end, and it is missed.
    func endFollowUps(of reminder: Reminder, _ state: inout ReminderState, actions: inout [AgendaAction]) {
        guard let chain = state.followUp else { return }
        state.followUp = nil
        actions.append(.missed(reminderID: reminder.id, .unanswered(chain)))
    }

    /// The next follow-up, or the miss after the last, when its time has come at `context.now`.
    func followUpIfDue(_ reminder: Reminder, _ state: inout ReminderState, actions: inout [AgendaAction]) {
        guard var chain = state.followUp else { return }
        guard let followUp = reminder.followUp else { return }
        let now = context.now
        guard let fireAt = followUpFireAt(chain.nextAt, of: reminder), fireAt <= now,
              !context.pausedNow, context.quietEndNow == nil else { return }
        if context.returning {
            chain.nextAt = now + followUp.interval
            state.followUp = chain
            return
        }
        if chain.repeats >= followUp.maximum {
            state.followUp = nil
            actions.append(.missed(reminderID: reminder.id, .unanswered(chain)))
            return
        }
        // The intake rules judge a follow-up like any firing: a drink or a dose logged
        // meanwhile (the daily cap reached) answers it.
        if let reason = context.intakeSkipReason(for: reminder, firingAt: now) {
            state.followUp = nil
            actions.append(.skipped(reminderID: reminder.id, due: chain.due, reason: reason))
            return
        }
        chain.repeats += 1
        actions.append(.fire(Firing(reminderID: reminder.id, due: chain.due, fireAt: fireAt, reason: .followUp,
                                    followUp: FollowUpNumber(number: chain.repeats, of: followUp.maximum))))
        chain.nextAt = now + followUp.interval
        state.followUp = chain
        state.lastFired = now
    }

    /// When a follow-up planned for `planned` can fire: after quiet hours and a pause that
    /// cover it. `nil`: paused until resumed, or held until the person is back.
    func followUpFireAt(_ planned: Instant, of reminder: Reminder) -> Instant? {
        if context.holdReason(for: reminder) != nil { return nil }
        var at = context.quietHours.deferral(of: planned)
        if let pause = context.pause, pause.covers(at) {
            guard let until = pause.until else { return nil }
            at = context.quietHours.deferral(of: until)
        }
        return at
    }

    /// The pending follow-up in the entry and the wake, unless the next firing comes first
    /// (which ends the chain).
    func addingFollowUp(of reminder: Reminder, to resolution: inout Resolution) {
        guard let chain = resolution.state.followUp, let followUp = reminder.followUp,
              let fireAt = followUpFireAt(chain.nextAt, of: reminder) else { return }
        if let next = resolution.entry.next, next.fireAt <= fireAt { return }
        resolution.wake = resolution.wake.map { min($0, fireAt) } ?? fireAt
        if chain.repeats < followUp.maximum {
            resolution.entry.followUp = PendingFollowUp(fireAt: fireAt, number: chain.repeats + 1, of: followUp.maximum, due: chain.due)
        }
    }
}

extension MissedOccurrences {
    /// The occurrence a chain of follow-ups was for, unanswered.
    static func unanswered(_ chain: FollowUpState) -> MissedOccurrences {
        MissedOccurrences(count: 1, earliestDue: chain.due, latestDue: chain.due, unansweredFollowUps: chain.repeats)
    }
}
