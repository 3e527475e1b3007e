/// Pure state changes for the control commands. After applying one, the daemon
/// calls `Agenda.step` to act on the result and re-arm its timer.
extension AgendaState {
    /// `crampd ctl done ID`: confirmed at `at`. Cancels a pending snooze.
    public func recordingDone(_ id: String, at instant: Instant) -> AgendaState {
        updating(id, now: instant) { $0.lastDone = instant; $0.snoozedUntil = nil; $0.followUp = nil }
    }

    /// `crampd ctl snooze ID [DURATION]`: the reminder fires again at `until`;
    /// scheduled occurrences up to then are absorbed into that one firing.
    /// A pending `skip` is cancelled: the latest request wins.
    public func recordingSnooze(_ id: String, until: Instant, now: Instant) -> AgendaState {
        updating(id, now: now) { $0.snoozedUntil = until; $0.cancellingSkips(); $0.followUp = nil }
    }

    /// `crampd ctl skip ID [N]`: drops exactly the next `count` firings: a pending snooze or
    /// follow-up counts as the first when there is one, then the next scheduled occurrences.
    /// Replaces any earlier skip request (repeating a skip is the same skip).
    public func recordingSkip(_ id: String, count: Int = 1, now: Instant) -> AgendaState {
        updating(id, now: now) { state in
            state.cancellingSkips()
            var scheduled = count
            if state.snoozedUntil != nil { state.snoozedUntil = nil; scheduled -= 1 }
            else if state.followUp != nil { state.followUp = nil; scheduled -= 1 }
            guard scheduled > 0 else { return }
            state.skipNext = true
            state.skipAfterNext = scheduled > 1 ? scheduled - 1 : nil
        }
    }

    /// `crampd ctl skip ID --today|--until TIME`: drops every firing before `until`, a pending
    /// snooze included. Replaces any earlier skip request.
    public func recordingSkip(_ id: String, until: Instant, now: Instant) -> AgendaState {
        updating(id, now: now) { state in
            state.cancellingSkips()
            if let snooze = state.snoozedUntil, snooze < until { state.snoozedUntil = nil }
            if let followUp = state.followUp, followUp.nextAt < until { state.followUp = nil }
            state.skipUntil = until
        }
    }

    /// `crampd ctl pause [DURATION|--until TIME]`: nothing fires from `now` until `until` (`nil`: until resumed).
    /// What falls due meanwhile is silenced, not caught up.
    public func paused(now: Instant, until: Instant?) -> AgendaState {
        var copy = self
        // Extending a pause that is still on keeps its start; an ended one is replaced.
        let since = pause.flatMap { $0.covers(now) ? $0.since : nil } ?? now
        copy.pause = Pause(since: since, until: until)
        return copy
    }

    /// `crampd ctl resume`: ends the pause at `now`. The pause is kept, ended, until
    /// the next `Agenda.step` has silenced what fell due during it.
    public func resumed(now: Instant) -> AgendaState {
        guard let pause else { return self }
        var copy = self
        copy.pause = Pause(since: pause.since, until: min(pause.until ?? now, now))
        return copy
    }

    /// A reminder's schedule was changed (reload, `crampd ctl set`): what its old
    /// schedule planned before `now` is not owed under the new one.
    public func restarting(_ id: String, now: Instant) -> AgendaState {
        updating(id, now: now) { $0.handledThrough = max($0.handledThrough, now) }
    }

    /// A reminder without state is new: it starts at `now`, with no historic occurrences.
    private func updating(_ id: String, now: Instant, _ change: (inout ReminderState) -> Void) -> AgendaState {
        var copy = self
        var state = reminders[id] ?? ReminderState(handledThrough: now)
        change(&state)
        copy.reminders[id] = state
        return copy
    }
}
