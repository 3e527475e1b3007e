/// A state file is input like any other: every instant in it must lie in `Instant.accepted`.
/// What does not is repaired here, never fatal: a reminder whose `handledThrough` is out of
/// range starts afresh (as if new), an optional instant out of range is forgotten, a pause
/// with one is dropped.
extension AgendaState {
    /// The state with every out-of-range instant repaired, and one sentence per repair.
    public func keepingInstantsInBounds() -> (state: AgendaState, repairs: [String]) {
        var copy = self
        var repairs: [String] = []
        func accepted(_ instant: Instant?, _ what: @autoclosure () -> String) -> Bool {
            guard let instant, !Instant.accepted.contains(instant) else { return true }
            repairs.append("\(what()) \(instant.microseconds) is outside the years 1970 to 9999")
            return false
        }
        for (id, reminder) in reminders.sorted(by: { $0.key < $1.key }) {
            guard accepted(reminder.handledThrough, "reminder \"\(id)\": handledThrough") else {
                copy.reminders[id] = nil
                repairs[repairs.count - 1] += "; it starts afresh"
                continue
            }
            var fixed = reminder
            if !accepted(reminder.lastFired, "reminder \"\(id)\": lastFired") { fixed.lastFired = nil; repairs[repairs.count - 1] += "; forgotten" }
            if !accepted(reminder.lastDone, "reminder \"\(id)\": lastDone") { fixed.lastDone = nil; repairs[repairs.count - 1] += "; forgotten" }
            if !accepted(reminder.snoozedUntil, "reminder \"\(id)\": snoozedUntil") { fixed.snoozedUntil = nil; repairs[repairs.count - 1] += "; the snooze is dropped" }
            if let followUp = reminder.followUp, !(accepted(followUp.due, "reminder \"\(id)\": followUp.due")
                && accepted(followUp.nextAt, "reminder \"\(id)\": followUp.nextAt")) {
                fixed.followUp = nil; repairs[repairs.count - 1] += "; its follow-ups end"
            } else if let followUp = reminder.followUp, !(0...FollowUp.maximumRepeats).contains(followUp.repeats) {
                repairs.append("reminder \"\(id)\": followUp.repeats \(followUp.repeats) is outside 0 to \(FollowUp.maximumRepeats); its follow-ups end")
                fixed.followUp = nil
            }
            copy.reminders[id] = fixed
        }
        if let pause, !(accepted(pause.since, "pause: since") && accepted(pause.until, "pause: until")) {
            copy.pause = nil
            repairs[repairs.count - 1] += "; the pause is dropped"
        }
        if !accepted(paceCheckedThrough, "paceCheckedThrough") { copy.paceCheckedThrough = nil; repairs[repairs.count - 1] += "; checkpoints start afresh" }
        if !accepted(runningSince, "runningSince") { copy.runningSince = nil; repairs[repairs.count - 1] += "; forgotten" }
        for sleep in sleeps where !(accepted(sleep.from, "sleeps: from") && accepted(sleep.until, "sleeps: until")) {
            copy.sleeps.removeAll { $0 == sleep }
            repairs[repairs.count - 1] += "; that sleep is forgotten"
        }
        if !accepted(rateLimit.fullAt, "rateLimit: fullAt") || !accepted(rateLimit.droppingSince, "rateLimit: droppingSince") {
            copy.rateLimit = .fresh
            repairs[repairs.count - 1] += "; the rate limit starts afresh"
        }
        let (held, heldRepairs) = held.keepingInstantsInBounds()
        copy.held = held
        repairs += heldRepairs
        return (copy, repairs)
    }
}

extension HeldReminders {
    /// Held occurrences with an instant out of range, or a count below one, are dropped (they
    /// cannot be told about truthfully); more than `maximumRecent` recent ones keep the newest.
    func keepingInstantsInBounds() -> (HeldReminders, [String]) {
        var repairs: [String] = []
        let recent = recent.filter { Instant.accepted.contains($0.due) && Instant.accepted.contains($0.heldAt) }
        if recent.count < self.recent.count {
            repairs.append("held: \(self.recent.count - recent.count) held reminders with an instant outside the years 1970 to 9999; dropped")
        }
        let kept = Array(recent.suffix(Self.maximumRecent))
        if kept.count < recent.count {
            repairs.append("held: \(recent.count) held reminders, more than \(Self.maximumRecent); the \(recent.count - kept.count) oldest are dropped")
        }
        let expired = expired.filter { $0.count >= 1 && Instant.accepted.contains($0.earliestDue) && Instant.accepted.contains($0.latestDue) }
        if expired.count < self.expired.count {
            repairs.append("held: \(self.expired.count - expired.count) expired holds out of range; dropped")
        }
        return (HeldReminders(recent: kept, expired: expired, reasons: reasons), repairs)
    }
}
