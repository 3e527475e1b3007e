import FoundationEssentials
import POSIX

/// A Codable value kept in one JSON file, saved atomically.
///
/// A file that cannot be decoded is moved aside (never deleted) and the
/// caller starts from `initial`; the returned note says what happened so
/// the daemon can log it.
struct StateFile<Value: Codable> {
    let path: String

    enum LoadOutcome {
        case loaded(Value)
        case missing
        /// The damaged file was kept at `movedTo`.
        case corrupt(reason: String, movedTo: String?)
    }

    func load(suffixForCorruptCopy suffix: String) throws(FileSystemError) -> LoadOutcome {
        guard let bytes = try FileSystem.readIfExists(path, cap: .state) else { return .missing }
        do {
            return .loaded(try JSONDecoder().decode(Value.self, from: Data(bytes)))
        } catch {
            let movedTo = try? FileSystem.moveAside(path, suffix: suffix)
            return .corrupt(reason: String(describing: error), movedTo: movedTo)
        }
    }

    func save(_ value: Value) throws(FileSystemError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data: Data
        do { data = try encoder.encode(value) } catch {
            preconditionFailure("BUG: state is not encodable: \(error)")
        }
        try FileSystem.makeDirectories(FileSystem.parentDirectory(of: path))
        try FileSystem.writeAtomically(path, [UInt8](data) + [0x0A])
    }
}
