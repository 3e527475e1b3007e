import Systemd

/// The calls and signals of the Desktop Notifications spec that crampd uses, as sd-bus messages.
/// https://specifications.freedesktop.org/notification-spec/latest/protocol.html
enum NotificationsAPI {
    static let destination = "org.freedesktop.Notifications"
    static let path = "/org/freedesktop/Notifications"
    static let interface = "org.freedesktop.Notifications"
    /// A hung server must never stall reminders: every call gives up after this.
    static let callTimeoutMicroseconds: UInt64 = 5_000_000

    /// `Notify(susssasa{sv}i) → u`.
    static func notify(_ notification: DesktopNotification, on bus: Bus) throws(SystemdError) -> BusMessage {
        let call = try bus.methodCall(destination: destination, path: path, interface: interface, member: "Notify")
        try call.append(notification.appName)
        try call.append(notification.replacesID)
        try call.append(notification.icon)
        try call.append(notification.summary)
        try call.append(notification.body)
        try call.append(notification.actions)
        try call.append(notification.hints)
        try call.append(notification.expireTimeoutMilliseconds)
        return call
    }

    /// `GetCapabilities() → as`.
    static func getCapabilities(on bus: Bus) throws(SystemdError) -> BusMessage {
        try bus.methodCall(destination: destination, path: path, interface: interface, member: "GetCapabilities")
    }

    /// `GetServerInformation() → ssss`.
    static func getServerInformation(on bus: Bus) throws(SystemdError) -> BusMessage {
        try bus.methodCall(destination: destination, path: path, interface: interface, member: "GetServerInformation")
    }

    /// The reply to `GetServerInformation`.
    struct ServerInformation: Sendable, Equatable {
        var name: String, vendor: String, version: String, specVersion: String

        init(reading reply: BusMessage) throws(SystemdError) {
            name = try reply.readString() ?? ""
            vendor = try reply.readString() ?? ""
            version = try reply.readString() ?? ""
            specVersion = try reply.readString() ?? ""
        }
    }

    /// A signal from the server about one notification.
    enum Signal: Equatable {
        /// `ActionInvoked(us)`.
        case actionInvoked(id: UInt32, action: String)
        /// `NotificationClosed(uu)`.
        case closed(id: UInt32, reason: UInt32)

        /// Nil for other members.
        init?(reading message: BusMessage) throws(SystemdError) {
            switch message.member {
            case "ActionInvoked":
                guard let id = try message.readUInt32(), let action = try message.readString() else { return nil }
                self = .actionInvoked(id: id, action: action)
            case "NotificationClosed":
                guard let id = try message.readUInt32(), let reason = try message.readUInt32() else { return nil }
                self = .closed(id: id, reason: reason)
            default:
                return nil
            }
        }
    }
}
