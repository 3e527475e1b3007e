import CrampCore
import Dispatch
import Logging

extension Daemon {
    /// A presence source (X11 idle, logind, the screen saver, a notification server's
    /// do-not-disturb, sleep) reports a change. Runs on the daemon queue; sources enqueue.
    func presenceChanged(_ signal: PresenceSignal) {
        dispatchPrecondition(condition: .onQueue(queue))
        let before = presence
        presence = before.updating(with: signal)
        guard presence != before else { return }
        let reasons = presence.holdReasons.map(\.rawValue).joined(separator: ",")
        logger.debug("Presence: \(signal.source.rawValue) \(signal.active ? "on" : "off") since \(format(signal.since)); held: \(reasons.isEmpty ? "no" : reasons)")
    }
}
