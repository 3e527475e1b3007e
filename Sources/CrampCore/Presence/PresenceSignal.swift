/// One source's latest word on one condition, e.g. "logind says the session is locked, since T".
/// Sources (the daemon shell's watchers) send a signal whenever their condition changes; the
/// pure `Presence` combines them.
public struct PresenceSignal: Sendable, Equatable {
    /// Where a signal comes from; each source speaks for exactly one `HoldReason`.
    public enum Source: String, Sendable, Codable, CaseIterable {
        case x11Idle = "x11-idle"
        case logindIdle = "logind-idle"
        case logindLock = "logind-lock"
        case screenSaver = "screensaver"
        case logindSleep = "logind-sleep"
        case dunst, mako, kde, gnome

        public var reason: HoldReason {
            switch self {
            case .x11Idle, .logindIdle: .away
            case .logindLock, .screenSaver: .locked
            case .logindSleep: .asleep
            case .dunst, .mako, .kde, .gnome: .dnd
            }
        }
    }

    public let source: Source
    /// The condition holds (idle, locked, asleep, do-not-disturb on).
    public let active: Bool
    /// When it started (for idle: the last input), or when it ended.
    public let since: Instant

    public init(source: Source, active: Bool, since: Instant) {
        self.source = source; self.active = active; self.since = since
    }

    public var reason: HoldReason { source.reason }
}
