import Systemd

/// dunst's do-not-disturb: the `paused` property of `org.dunstproject.cmd0` on the object the
/// notifications live on (`dunstctl set-paused true|false` sets it, and dunst announces the
/// change with `PropertiesChanged`).
enum DunstAPI {
    static let interface = "org.dunstproject.cmd0"
    static let propertiesInterface = "org.freedesktop.DBus.Properties"

    /// `org.freedesktop.DBus.Properties.Get("org.dunstproject.cmd0", "paused") → v`.
    static func getPaused(on bus: Bus) throws(SystemdError) -> BusMessage {
        let call = try bus.methodCall(destination: NotificationsAPI.destination, path: NotificationsAPI.path,
                                      interface: propertiesInterface, member: "Get")
        try call.append(interface)
        try call.append("paused")
        return call
    }

    /// The `b` inside the reply's variant.
    static func paused(reading reply: BusMessage) throws(SystemdError) -> Bool? {
        try reply.enterContainer("v", contents: "b")
        defer { _ = try? reply.exitContainer() }
        return try reply.readBool()
    }

    /// Whether a `PropertiesChanged(sa{sv}as)` signal is about dunst's interface (then `paused`
    /// is read again: one call per change, and nothing to parse in the map).
    static func isAboutDunst(_ signal: BusMessage) -> Bool {
        signal.member == "PropertiesChanged" && (try? signal.readString()) == interface
    }
}
