import CrampCore

/// Why a diary command failed: the person's input (say what to fix) or the store (say what broke).
public enum DiaryCommandError: Error, Sendable, CustomStringConvertible {
    /// Refused input: answer with an "invalid argument" error; nothing was written.
    case invalid(DiaryValidationError)
    /// The database failed: answer with an internal error and log it; nothing was acknowledged.
    case store(DiaryStoreError)
    /// An imported record (`index` from 0, in the order sent) was refused; nothing was written.
    case invalidImport(index: Int, DiaryImportError)

    public var description: String {
        switch self {
        case .invalid(let e): e.message
        case .store(let e): e.description
        case .invalidImport(let index, let e): "record \(index + 1) of the import: \(e.message)"
        }
    }
}
