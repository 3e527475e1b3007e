import CrampCore
import Dispatch
import Logging
import Systemd

/// Who answers `org.freedesktop.Notifications` and what it supports, asked once per connection.
extension DesktopOutlet {
    /// GetServerInformation then GetCapabilities; then the reminders that waited are sent.
    func askServer(on connection: DesktopBusConnection) {
        guard !askingServer else { return }
        askingServer = true
        call(NotificationsAPI.getServerInformation, on: connection, purpose: "ask the notification server who it is") {
            // Weak: the bus owns this closure until the reply, and the connection owns the bus.
            [weak self, weak connection] reply in
            guard let self, let connection, !connection.isClosed else { return }
            var information: NotificationsAPI.ServerInformation?
            if reply.error == nil { information = try? NotificationsAPI.ServerInformation(reading: reply) }
            // A server without GetServerInformation may still show notifications: go on.
            self.call(NotificationsAPI.getCapabilities, on: connection, purpose: "ask the notification server what it supports") {
                [weak self, weak connection] reply in
                guard let self, let connection, !connection.isClosed else { return }
                self.askingServer = false
                let popups = self.waiting
                self.waiting = []
                if let error = reply.error {
                    self.failSample(self.failure("show desktop notifications", error))
                    return self.report(Outage.Cause(error), self.failure("show desktop notifications", error))
                }
                let capabilities: [String]
                do { capabilities = try reply.readStrings() } catch {
                    self.failSample("Failed to read the notification server's capabilities")
                    return self.report(.other, "Failed to read the notification server's capabilities: \(self.cause(of: error))")
                }
                let server = NotificationServer(uniqueName: reply.sender, information: information, capabilities: Set(capabilities))
                self.server = server
                self.logger.info("Desktop notifications go to \(server.description)")
                if server.uniqueName != nil { self.readDoNotDisturb() }
                for popup in popups { self.send(popup, to: server, on: connection) }
                if self.sampleWaiting { self.sendSample(to: server, on: connection) }
            }
        } failed: { [weak self] in
            self?.askingServer = false
            self?.waiting = []
            self?.failSample("Failed to ask the notification server: the call could not be sent")
        }
    }
}
