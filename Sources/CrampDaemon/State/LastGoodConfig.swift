import CrampCore
import FoundationEssentials
import TOML

/// The files of the last config that loaded, kept in the state directory so that a config
/// broken while crampd was stopped does not stop the reminders: the daemon then starts on
/// this copy, says so everywhere, and takes the fixed files at the next reload.
struct LastGoodConfig {
    /// `$XDG_STATE_HOME/crampd/last-good-config.json`.
    let path: String

    /// One file as it was read: its path and its text.
    private struct File: Codable {
        var name: String
        var text: String
    }

    /// Replaces the copy with `sources` (they loaded, so they are UTF-8).
    func save(_ sources: [SourceText]) throws(FileSystemError) {
        let files = sources.map { File(name: $0.name, text: String(decoding: $0.bytes, as: UTF8.self)) }
        let data: Data
        do { data = try JSONEncoder().encode(files) } catch {
            preconditionFailure("BUG: config sources are not encodable: \(error)")
        }
        try FileSystem.makeDirectories(FileSystem.parentDirectory(of: path))
        try FileSystem.writeAtomically(path, [UInt8](data) + [0x0A])
    }

    /// The saved config, loaded as it loaded then; `nil` when there is none or it no longer
    /// loads (a newer crampd with stricter rules): the caller then uses the built-in default.
    /// Each file is named `NAME (last good copy)`, so nobody mistakes it for the file on disk.
    func load() -> LoadedConfig? {
        guard let bytes = try? FileSystem.readIfExists(path, cap: .state),
              let files = try? JSONDecoder().decode([File].self, from: Data(bytes)) else { return nil }
        let sources = files.map { SourceText(name: $0.name + Self.copySuffix, text: $0.text) }
        return try? ConfigLoader.load(sources).get()
    }

    static let copySuffix = " (last good copy)"
}
