import CrampCore
import Dispatch
import Systemd

/// Do-not-disturb from dunst, on the outlet's own session bus connection: `paused` is read once
/// when the connection opens and when a (new) server has been asked about itself, and again on
/// each `PropertiesChanged` dunst sends. No polling. Another server answers `Get` with an
/// error: then there is no dunst do-not-disturb, and nothing is held for it.
extension DesktopOutlet {
    /// Listens for dunst's property changes on `bus` (part of opening a connection).
    func watchDoNotDisturb(on bus: Bus) throws(SystemdError) -> BusSlot {
        try bus.matchSignalAsync(path: NotificationsAPI.path, interface: DunstAPI.propertiesInterface, member: "PropertiesChanged") {
            [weak self] message in
            // A call sent from inside a callback goes out when the connection's pump loops again.
            if DunstAPI.isAboutDunst(message) { self?.readDoNotDisturb() }
        }
    }

    /// Asks dunst whether it is paused; the answer goes to `onDoNotDisturb` when it changed.
    func readDoNotDisturb() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let connection, !connection.isClosed else { return }
        call(DunstAPI.getPaused, on: connection, purpose: "ask dunst whether it is paused") { [weak self, weak connection] reply in
            guard let self, let connection, !connection.isClosed else { return }
            // Not dunst (no such interface or property), or no server at all: not paused.
            let paused = reply.error == nil ? ((try? DunstAPI.paused(reading: reply)) ?? false) : false
            self.doNotDisturbChanged(paused)
        }
    }

    /// Reports `paused` when it differs from what was reported last.
    func doNotDisturbChanged(_ paused: Bool) {
        guard paused != doNotDisturb else { return }
        doNotDisturb = paused
        logger.info(paused ? "dunst is paused (do-not-disturb): reminders are held until it resumes"
                           : "dunst shows notifications again (do-not-disturb off)")
        let report = onDoNotDisturb
        queue.async { report(paused) }
    }
}
