/// A stable, machine-readable error code: scripts match on it, people read the message.
///
/// A struct rather than an enum so that a client decodes codes added by a newer daemon.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The line is not a JSON object, or a field is missing or of the wrong type.
    public static let badRequest = ErrorCode("bad-request")
    /// The request's `version` is not one this daemon speaks.
    public static let unsupportedVersion = ErrorCode("unsupported-version")
    /// The `command` is not one this daemon knows (an older daemon than the client?).
    public static let unknownCommand = ErrorCode("unknown-command")
    /// The request line is longer than 64 KiB; the connection is closed.
    public static let tooLarge = ErrorCode("too-large")
    /// The daemon already serves its maximum of clients; retry shortly.
    public static let busy = ErrorCode("busy")
    /// No complete request within the idle timeout; the connection is closed.
    public static let timeout = ErrorCode("timeout")
    /// The peer's user is neither the daemon's user nor root.
    public static let permissionDenied = ErrorCode("permission-denied")
    /// No reminder with that id.
    public static let notFound = ErrorCode("not-found")
    /// The change or the config files do not validate; `details` lists every error. Nothing changed.
    public static let invalidConfig = ErrorCode("invalid-config")
    /// A `watch` client read its events too slowly: the daemon's buffer for it filled up, so it
    /// was dropped after this last line. Watch again to go on (events in between are in the journal).
    public static let overrun = ErrorCode("overrun")
    /// The daemon failed (e.g. could not save); the message says what, and nothing changed.
    public static let `internal` = ErrorCode("internal")

    // Found by `crampd ctl` itself, never sent by the daemon; `--json` prints them like the daemon's.
    /// The daemon is not running, or its socket cannot be found or reached.
    public static let unavailable = ErrorCode("unavailable")
    /// Connected, but the exchange with the daemon failed (timed out, cut off, unreadable answer).
    public static let connectionFailed = ErrorCode("connection-failed")
    /// The command line is wrong (`crampd ctl … --json` exits 2 with this code).
    public static let usage = ErrorCode("usage")

    public var description: String { rawValue }
}

/// An error answer: a stable code, a human message, and optional details (one per line).
public struct ControlError: Error, Sendable, Equatable, Codable {
    public var code: ErrorCode
    /// One sentence, e.g. `no reminder "wter"; try: crampd ctl list`.
    public var message: String
    /// Further lines, e.g. every config error with its location; empty when none.
    public var details: [String]

    public init(_ code: ErrorCode, _ message: String, details: [String] = []) {
        self.code = code; self.message = message; self.details = details
    }

    enum CodingKeys: String, CodingKey { case code, message, details }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(ErrorCode.self, forKey: .code)
        message = try c.decode(String.self, forKey: .message)
        details = try c.decodeIfPresent([String].self, forKey: .details) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        if !details.isEmpty { try c.encode(details, forKey: .details) }
    }
}
