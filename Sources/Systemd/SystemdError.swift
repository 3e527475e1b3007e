import Glibc
import POSIX

/// A libsystemd call that failed, with the call's name and the errno it returned.
///
/// libsystemd returns `-errno` instead of setting `errno`; this type keeps that code
/// so callers can react to it (`ECONNREFUSED`: no journal) and renders the fixed wording
/// "Failed to <verb> <object>: <call>: <errno text>".
public struct SystemdError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What we tried to do, as "<verb> <object>": "send journal entry".
    public let action: String
    /// The C function that failed ("sd_journal_sendv"), or nil when we refused before calling it.
    public let function: String?
    /// The positive errno value ("ECONNREFUSED" is 111).
    public let code: Int32
    /// Extra context when the errno text alone does not explain it.
    public let detail: String?

    public init(action: String, function: String?, code: Int32, detail: String? = nil) {
        self.action = action
        self.function = function
        self.code = code
        self.detail = detail
    }

    /// Builds the error from a libsystemd return value (`-errno`).
    init(action: String, function: String, returned value: Int32) {
        self.init(action: action, function: function, code: value < 0 ? -value : value)
    }

    /// "Failed to send journal entry: sd_journal_sendv: Connection refused".
    public var description: String { "Failed to \(action): \(cause)" }

    /// What went wrong without what we tried: "sd_journal_sendv: Connection refused", for a
    /// caller that words the "Failed to …" part itself.
    public var cause: String { (function.map { "\($0): " } ?? "") + (detail ?? errnoText(code)) }
}
