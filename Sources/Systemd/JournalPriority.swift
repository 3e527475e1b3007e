/// syslog priorities, the values of the journal's `PRIORITY=` field.
///
/// `journalctl -p warning` filters by these, and the catalog and tests refer to them by name,
/// so the daemon never writes a bare number.
public enum JournalPriority: Int32, Sendable, CaseIterable {
    case emergency = 0
    case alert = 1
    case critical = 2
    case error = 3
    case warning = 4
    case notice = 5
    case info = 6
    case debug = 7

    /// The field as `Journal.send` takes it: `("PRIORITY", "5")`.
    public var field: (name: String, value: String) { ("PRIORITY", String(rawValue)) }
}
