/// `crampd ctl next`, `show` and `today`'s "still due": the firings ahead, as the daemon will produce them.
extension Agenda {
    /// A wake that fires nothing (a skip) still costs a step; this bounds `upcoming` whatever the rules.
    public static let maximumSimulatedSteps = 100_000

    /// The next `count` firings of all reminders, in time order: what `step` at each of the
    /// daemon's wakes will fire (quiet hours, pause, snoozes, skips and the intake rules
    /// included), found by stepping a copy of the state from wake to wake. What is due at
    /// `now` itself is the daemon's current step, not ahead, so it is not listed.
    ///
    /// `intake` is what the diary knows at `now`; nothing more is assumed logged. Today's
    /// totals hold until the local day ends; every later day starts with none, and the
    /// last drink stays the one it was (`IntakeFacts.onLaterDays`).
    public static func upcoming(config: Config, zone: Zone, state: AgendaState, now: Instant,
                                intake: IntakeFacts = .none, count: Int) -> [Firing] {
        let endOfToday = LocalDay.interval(of: LocalDay.date(of: now, in: zone), in: zone).upperBound
        let laterDays = intake.onLaterDays
        func facts(at t: Instant) -> IntakeFacts { t < endOfToday ? intake : laterDays }
        var firings: [Firing] = []
        var step = Agenda.step(config: config, zone: zone, state: state, now: now, intake: intake)
        var steps = 0
        while firings.count < count, let wake = step.nextWake, steps < maximumSimulatedSteps {
            steps += 1
            step = Agenda.step(config: config, zone: zone, state: step.state, now: wake, intake: facts(at: wake))
            for case .fire(let firing) in step.actions where firings.count < count { firings.append(firing) }
        }
        return firings
    }
}
