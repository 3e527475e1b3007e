import CrampCore
import Dispatch
import Systemd

/// The session bus connection: opened at a reminder (never by polling), forgotten when it closes,
/// and the one way calls are sent on it.
extension DesktopOutlet {
    /// The open connection, or a new one (the reconnect happens here, at a reminder, never by polling).
    func connect() -> DesktopBusConnection? {
        if let connection, !connection.isClosed { return connection }
        do {
            let bus = try Bus.openUser()
            let connection = try DesktopBusConnection(bus: bus, queue: queue)
            do {
                // Some servers (GNOME Shell) broadcast their signals; `open` filters for ours.
                signalMatch = try bus.matchSignalAsync(path: NotificationsAPI.path, interface: NotificationsAPI.interface) {
                    [weak self] message in self?.signalArrived(message)
                }
                doNotDisturbMatch = try watchDoNotDisturb(on: bus)
            } catch {
                connection.close()
                throw error
            }
            connection.onClose = { [weak self] error in self?.connectionLost(error) }
            self.connection = connection
            readDoNotDisturb()
            connection.pump()
            return connection.isClosed ? nil : connection
        } catch {
            failSample("Failed to connect to the session bus: \(cause(of: error))")
            report(.bus, "Failed to connect to the session bus: \(cause(of: error))")
            return nil
        }
    }

    func connectionLost(_ error: SystemdError?) {
        forgetConnection()
        report(.bus, "Lost the session bus connection\(error.map { ": \(cause(of: $0))" } ?? "")")
    }

    func forgetConnection() {
        connection = nil
        signalMatch = nil
        doNotDisturbMatch = nil
        // Unknown without a connection: popups are tried (and the next connection reads it again).
        doNotDisturbChanged(false)
        server = nil
        askingServer = false
        waiting = []
        failSample("Failed to show the test notification: the session bus connection closed")
        open = [:]
        latest = [:]
    }

    func call(_ make: (Bus) throws(SystemdError) -> BusMessage, on connection: DesktopBusConnection, purpose: String,
                      reply: @escaping (BusMessage) -> Void, failed: () -> Void = {}) {
        do {
            let message = try make(connection.bus)
            try connection.bus.callAsync(message, timeoutMicroseconds: callTimeoutMicroseconds, reply: reply)
        } catch {
            failed()
            report(.other, "Failed to \(purpose): \(cause(of: error))")
            return
        }
        connection.pump()
    }
}
