import CrampCore

/// One event of `watch`: the fields of the journal entry the daemon wrote for it, by name
/// (`MESSAGE`, `PRIORITY`, `MESSAGE_ID`, `CRAMPD_EVENT`, `CRAMPD_REMINDER`, …), and
/// `__REALTIME_TIMESTAMP`, microseconds since 1970 as text, as `journalctl -o json` names it.
///
/// Wire form: a flat JSON object of strings, keys sorted, e.g.
/// `{"CRAMPD_EVENT":"paused","MESSAGE":"Paused all reminders until crampd ctl resume.","PRIORITY":"5",…}`.
public struct WatchEvent: Sendable, Equatable, Codable {
    public var fields: [String: String]

    public init(fields: [String: String]) { self.fields = fields }

    /// The kind, as in the journal's `CRAMPD_EVENT`: "due", "done", "paused", "cramp", …
    public var event: String { fields["CRAMPD_EVENT"] ?? "" }
    public var message: String { fields["MESSAGE"] ?? "" }
    public var reminder: String? { fields["CRAMPD_REMINDER"] }
    /// When the daemon wrote it.
    public var at: Instant? { fields[Self.timestampField].flatMap { Int64($0) }.map(Instant.init(microseconds:)) }

    public static let timestampField = "__REALTIME_TIMESTAMP"

    public init(from decoder: any Decoder) throws {
        fields = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(fields)
    }
}
