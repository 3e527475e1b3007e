extension Agenda {
    /// The system zone changed from `old` to `new` at `now` (a new `/etc/localtime` while running).
    ///
    /// Every reminder is re-planned in the new zone from `now`: what the new zone's clock places
    /// before `now` was never on the clock the person lived by, so it is neither fired late nor
    /// counted as missed (09:00 in New York, passed an hour ago when Berlin's 09:00 already fired).
    /// Snoozes and requested skips are kept; a pause is instants and stays as it is. A reminder
    /// with its own `timezone` keeps its clock and its plan.
    /// The same zone (name and rules) changes nothing.
    public static func rezoned(config: Config, state: AgendaState, from old: Zone, to new: Zone, now: Instant) -> AgendaState {
        guard old != new else { return state }
        var result = state
        for reminder in config.reminders where reminder.zone == nil && state.reminders[reminder.id] != nil {
            result = result.restarting(reminder.id, now: now)
        }
        return result
    }
}
