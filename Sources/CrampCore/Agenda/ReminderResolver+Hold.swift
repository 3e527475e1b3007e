/// Presence (issue 16): while the person is away, locked, asleep or in do-not-disturb, a
/// firing is held (journal only, remembered in `AgendaState.held`) instead of shown; the
/// person hears of it once, when back (`BackReport`). A held firing starts no follow-ups, and
/// follow-ups of an earlier firing wait (`followUpFireAt`).
extension ReminderResolver {
    /// `firing` as it happens now: shown, or held. One due at the very step the person is
    /// back joins the message on return, so that stays the only popup.
    func fireOrHold(_ firing: Firing, of reminder: Reminder, _ state: inout ReminderState, actions: inout [AgendaAction]) {
        if let reason = context.holdReason(for: reminder) ?? context.returningFrom {
            actions.append(.held(HeldOccurrence(reminderID: reminder.id, due: firing.due, heldAt: firing.fireAt, reason: reason)))
            return
        }
        var shown = firing
        shown.throughDoNotDisturb = context.holdReasons.contains(.dnd)
        actions.append(.fire(shown))
        state.lastFired = context.now
        startFollowUps(of: reminder, due: firing.due, &state)
    }
}
