import CrampCore

/// Why a diary command failed: the person's input (say what to fix) or the store (say what broke).
public enum DiaryCommandError: Error, Sendable, CustomStringConvertible {
    /// Refused input: answer with an "invalid argument" error; nothing was written.
    case invalid(DiaryValidationError)
    /// The database failed: answer with an internal error and log it; nothing was acknowledged.
    case store(DiaryStoreError)

    public var description: String {
        switch self {
        case .invalid(let e): e.message
        case .store(let e): e.description
        }
    }
}
