import CrampCore
import CrampProtocol
import Dispatch
import Logging

extension Daemon {
    /// Starts the bus sources of presence (Presence/): logind on the system bus; the screen
    /// saver and the notification server's do-not-disturb (KDE, mako, GNOME) on the session bus. Each is used
    /// where it exists. Called once by `start`.
    func startPresenceSources() {
        dispatchPrecondition(condition: .onQueue(queue))
        let logind = LogindWatcher(queue: queue, logger: logger, environment: options.environment, clock: { [unowned self] in self.clockNow() },
                                   report: { [unowned self] signal in self.presenceChanged(signal) },
                                   sleeping: { [unowned self] asleep in asleep ? self.machineSleeps() : self.machineWoke() })
        logindWatcher = logind
        logind.start()
        let session = SessionPresenceWatcher(queue: queue, logger: logger, environment: options.environment,
                                             clock: { [unowned self] in self.clockNow() },
                                             report: { [unowned self] signal in self.presenceChanged(signal) })
        sessionPresenceWatcher = session
        session.start()
    }

    /// logind's `PrepareForSleep(true)`, while crampd still holds its delay inhibitor: the
    /// sleep is recorded and the state saved before the machine may suspend.
    func machineSleeps() {
        dispatchPrecondition(condition: .onQueue(queue))
        let now = clockNow()
        presenceChanged(PresenceSignal(source: .logindSleep, active: true, since: now))
        commit(state.fallingAsleep(at: now))
        logger.info("The machine goes to sleep; reminders due meanwhile are told once after it wakes")
    }

    /// `PrepareForSleep(false)`: the sleep ends, what fell due meanwhile is told once (the
    /// message on return, or a catch-up "missed while the machine slept"), and the desktop
    /// connection is checked again before the next popup.
    func machineWoke() {
        dispatchPrecondition(condition: .onQueue(queue))
        let now = clockNow()
        let slept = state.sleeps.last.flatMap { $0.until == nil ? now - $0.from : nil }
        commit(state.wakingUp(at: now))
        logger.info("The machine woke up\(slept.map { " after \(TimeText.span($0))" } ?? "")")
        desktop?.recheckAfterResume()
        // What fell due during the sleep is judged while still asleep, whichever of the timer and
        // this signal came first after resume: held and told once in the message on return
        // ("While the machine slept: …"), or with while_away = "deliver" caught up once,
        // "missed while the machine slept".
        advance()
        presenceChanged(PresenceSignal(source: .logindSleep, active: false, since: now))
    }
}
