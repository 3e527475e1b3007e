extension HoldReason {
    /// How the message on return begins: "While you were away: …".
    public var whileWording: String {
        switch self {
        case .asleep: "While the machine slept"
        case .locked: "While the screen was locked"
        case .away: "While you were away"
        case .dnd: "While do-not-disturb was on"
        }
    }

    /// For `crampd ctl status` and STATUS=: "away", "do-not-disturb".
    public var statusWording: String {
        switch self {
        case .asleep: "asleep"
        case .locked: "locked"
        case .away: "away"
        case .dnd: "do-not-disturb"
        }
    }
}
