/// The server behind `org.freedesktop.Notifications`, as one connection saw it.
struct NotificationServer: Sendable, Equatable, CustomStringConvertible {
    var uniqueName: String?
    var information: NotificationsAPI.ServerInformation?
    var capabilities: Set<String>

    /// "dunst 1.9.0 (knopwob), spec 1.2, capabilities: actions, body, …".
    var description: String {
        let who = information.map { "\($0.name) \($0.version) (\($0.vendor)), spec \($0.specVersion)" } ?? "an unnamed server"
        return "\(who), capabilities: \(capabilities.sorted().joined(separator: ", "))"
    }
}
