import CrampCore
import Dispatch
import Logging
import Systemd

/// A firing reminder as a notification that replaces the reminder's previous one (the message
/// on return replaces the previous message on return).
extension DesktopOutlet {
    func send(_ popup: DesktopPopup, to server: NotificationServer, on connection: DesktopBusConnection) {
        let id = popup.key
        let hasActions = server.capabilities.contains("actions"), markup = server.capabilities.contains("body-markup")
        let notification: DesktopNotification
        switch popup {
        case .reminder(let event):
            notification = DesktopNotification.reminder(event, snooze: snooze, zone: zone, hasActions: hasActions,
                                                        markup: markup, replacing: latest[id] ?? 0)
        case .back(let back):
            notification = DesktopNotification.back(back, snooze: snooze, hasActions: hasActions, markup: markup,
                                                    replacing: latest[id] ?? 0)
        }
        call({ bus throws(SystemdError) in try NotificationsAPI.notify(notification, on: bus) }, on: connection,
             purpose: "show desktop notification for \(id)") { [weak self, weak connection] reply in
            guard let self, let connection, !connection.isClosed else { return }
            if let error = reply.error {
                if error.name == BusMethodError.serviceUnknown {
                    // The server is gone; a new one gets asked again.
                    self.server = nil
                    self.latest = [:]
                    self.open = [:]
                }
                return self.report(Outage.Cause(error), self.failure("show desktop notification for \(id)", error))
            }
            guard let notificationID = try? reply.readUInt32() else {
                return self.report(.other, "Failed to show desktop notification for \(id): the server's answer has no id")
            }
            if let sender = reply.sender, let known = self.server?.uniqueName, sender != known {
                // Another server answered (restarted or replaced): ask it about itself next time.
                self.logger.info("The notification server changed (\(known) → \(sender))")
                self.server = nil
                self.latest = [:]
                self.open = self.open.filter { $0.value.server == sender }
            }
            self.open[notificationID] = OpenNotification(reminderIDs: popup.answers, server: reply.sender)
            self.latest[id] = notificationID
            self.recovered()
        }
    }

    /// Sends `make(bus)` with the timeout; a failure to even send is reported and `failed` runs.
}
