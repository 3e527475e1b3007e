import CrampCore
import Dispatch
import Systemd

/// Button presses and closed notifications, routed to the daemon's handlers.
extension DesktopOutlet {
    func signalArrived(_ message: BusMessage) {
        guard let signal = try? NotificationsAPI.Signal(reading: message) else { return }
        switch signal {
        case .actionInvoked(let id, let action):
            guard var notification = open[id], notification.server == nil || notification.server == message.sender else { return }
            let answer: (String) -> DesktopAnswer
            switch action {
            case "done": answer = { .done(reminderID: $0) }
            case "snooze": answer = { .snooze(reminderID: $0) }
            default: return
            }
            notification.answered = true
            open[id] = notification
            for reminderID in notification.reminderIDs { deliver(answer(reminderID)) }
        case .closed(let id, let reason):
            guard let notification = open[id], notification.server == nil || notification.server == message.sender else { return }
            open[id] = nil
            latest = latest.filter { $0.value != id }
            if !notification.answered {
                for reminderID in notification.reminderIDs {
                    deliver(.closed(reminderID: reminderID, reason: NotificationCloseReason(code: reason)))
                }
            }
        }
    }

    /// Later on the daemon queue: the handlers change state and may send notifications, which
    /// must not happen from inside sd-bus's processing.
    func deliver(_ answer: DesktopAnswer) {
        let onAnswer = onAnswer
        queue.async { onAnswer(answer) }
    }
}
