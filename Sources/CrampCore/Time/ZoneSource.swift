/// Where the daemon's zone comes from, and so whether it follows the system's.
public enum ZoneSource: Sendable, Equatable {
    /// `[daemon] timezone` pins this zone.
    case config(String)
    /// `TZ` in the daemon's environment pins this zone.
    case environment(String)
    /// `/etc/localtime`, followed while the daemon runs.
    case system

    /// The config wins over `TZ`, `TZ` over the system's zone.
    public static func of(config: Config, environment: [String: String]) -> ZoneSource {
        if let name = config.daemon.timezone { return .config(name) }
        if let tz = environment["TZ"] { return .environment(tz) }
        return .system
    }

    /// Only the system's zone changes under a running daemon; a pinned one is never watched.
    public var followsSystem: Bool { self == .system }
}
