import CrampCore
import CrampProtocol
import Dispatch

/// Every event the daemon writes to the journal (an entry with `CRAMPD_EVENT`, from any
/// part of the daemon and any queue) reaches `watch` clients and hooks from one tap on the
/// journal writer, handed over to the daemon queue: a new event needs nothing more than
/// its journal entry.
extension Daemon {
    func tapEvents() {
        dispatchPrecondition(condition: .onQueue(queue))
        let clock = options.clock
        let daemon = WeakDaemon(self)
        journal.observeEvents { [queue] entry in
            let event = WatchEvent(entry, at: clock())
            queue.async { daemon.daemon?.eventHappened(event) }
        }
    }

    /// On the daemon queue, in the order each writer wrote them.
    func eventHappened(_ event: WatchEvent) {
        dispatchPrecondition(condition: .onQueue(queue))
        server?.publish(event)
        let hooks = loaded.config.hooks
        guard hooks.contains(where: { $0.on.contains(event.event) }) else { return }
        let runner = hookRunner ?? HookRunner(queue: queue, journal: journal, environment: options.environment)
        hookRunner = runner
        runner.run(hooks, for: event, zone: zone)
    }
}

/// The journal outlives a daemon in tests: the tap must not keep one alive.
private final class WeakDaemon: @unchecked Sendable {  // set once, read on the daemon queue
    weak var daemon: Daemon?
    init(_ daemon: Daemon) { self.daemon = daemon }
}

extension WatchEvent {
    /// The journal entry's fields by name, as `journalctl -o json` shows them, and when.
    init(_ entry: JournalEntry, at: Instant) {
        var fields: [String: String] = [:]
        for field in entry.journalFields { fields[field.name] = field.value }
        fields[Self.timestampField] = String(at.microseconds)
        self.init(fields: fields)
    }
}
