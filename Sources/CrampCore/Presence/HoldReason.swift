/// Why a due reminder is held (journal only, no popup) instead of shown: the person is not
/// there to see it, or asked not to be disturbed (issue 16). The raw values are the journal's
/// `CRAMPD_HELD_REASON` and the protocol's words.
public enum HoldReason: String, Sendable, Codable, CaseIterable, Comparable {
    /// The machine is suspended (logind `PrepareForSleep`).
    case asleep
    /// The session is locked (logind `LockedHint`, `org.freedesktop.ScreenSaver`).
    case locked
    /// No keyboard or mouse input for `[daemon] away_after` (X11 idle counter, logind `IdleHint`).
    case away
    /// The notification server is in do-not-disturb.
    case dnd

    /// When several hold at once, the first in this order is the one reported: asleep
    /// explains locked, and locked explains away.
    public static func < (lhs: HoldReason, rhs: HoldReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
