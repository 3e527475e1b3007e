/// Chained doses (`after`): what the agenda needs from the other reminders' state.
extension Agenda {
    /// When each reminder that another comes `after` was last confirmed. Its `lastDone` is in the
    /// state file, so a restart keeps it; one of a removed or disabled reminder is gone with its state.
    static func anchorsDone(config: Config, state: AgendaState) -> [String: Instant] {
        var done: [String: Instant] = [:]
        for reminder in config.reminders {
            guard case .after(let chain) = reminder.schedule, let at = state.reminders[chain.anchorID]?.lastDone else { continue }
            done[chain.anchorID] = at
        }
        return done
    }
}
