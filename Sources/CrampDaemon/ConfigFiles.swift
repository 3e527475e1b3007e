import CrampCore
import Glibc
import TOML

/// Finds and reads the config files; the pure merging and checking is `ConfigLoader` in CrampCore.
///
/// Order: the base (`--config PATH`, else `$XDG_CONFIG_HOME/crampd/config.toml`, else
/// `~/.config/crampd/config.toml`, else the built-in default), then `config.d/*.toml` beside
/// it in lexical order, then `$XDG_RUNTIME_DIR/crampd/config.d/*.toml` (or the runtime fallback's; changes made with
/// `crampd ctl … --runtime`, gone after a reboot) in lexical order.
public enum ConfigFiles {
    /// The drop-in `crampd ctl set/add/remove/reset` writes, in both drop-in directories.
    public static let ctlDropInName = "50-crampd-ctl.toml"

    /// Where the config files are, resolved from `--config` and the environment.
    public struct Location: Sendable, Equatable {
        /// The user's config file (it may not exist, unless given with `--config`).
        public var configPath: String
        /// True when the path came from `--config`: then it must exist.
        public var isExplicit: Bool
        /// `config.d` beside the config file.
        public var dropInDirectory: String
        /// `config.d` in the runtime directory (`XDGDirectories.runtime`).
        public var runtimeDropInDirectory: String?

        /// The file `crampd ctl` writes persistent changes to.
        public var ctlDropInPath: String { dropInDirectory + "/" + ConfigFiles.ctlDropInName }
        /// The file `crampd ctl … --runtime` writes to.
        public var runtimeCtlDropInPath: String? { runtimeDropInDirectory.map { $0 + "/" + ConfigFiles.ctlDropInName } }
    }

    public static func locate(explicitPath: String?, environment: [String: String]) -> Location {
        let directories = XDGDirectories(environment: environment)
        let runtime = directories.runtime + "/config.d"
        if let explicitPath {
            return Location(configPath: explicitPath, isExplicit: true,
                            dropInDirectory: directory(of: explicitPath) + "/config.d", runtimeDropInDirectory: runtime)
        }
        return Location(configPath: directories.config + "/config.toml", isExplicit: false,
                        dropInDirectory: directories.config + "/config.d", runtimeDropInDirectory: runtime)
    }

    /// The sources as they would be if `path` held `bytes` (`nil`: as if it were deleted):
    /// how `crampd ctl` checks a new drop-in with every other file before writing it.
    /// A new drop-in takes its lexical place among the others of its directory.
    public static func read(_ location: Location, replacing path: String, with bytes: [UInt8]?) -> Result<[SourceText], ConfigLoadFailure> {
        read(location).map { sources in
            var result = sources.filter { $0.name != path }
            guard let bytes else { return result }
            // Drop-ins sort by directory (config.d, then the runtime one), then by name.
            let directories = [location.dropInDirectory, location.runtimeDropInDirectory].compactMap { $0 }
            func precedes(_ a: String, _ b: String) -> Bool {
                let (da, db) = (directories.firstIndex(of: directory(of: a)) ?? 0, directories.firstIndex(of: directory(of: b)) ?? 0)
                return da != db ? da < db : Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
            }
            let index = result.indices.dropFirst().first { precedes(path, result[$0].name) } ?? result.endIndex
            result.insert(SourceText(name: path, bytes: bytes), at: max(index, min(1, result.count)))
            return result
        }
    }

    /// Reads every file in use, in merge order: the base first (the built-in default when
    /// the user has none), then the drop-ins. Fails when a file exists but cannot be read.
    public static func read(_ location: Location) -> Result<[SourceText], ConfigLoadFailure> {
        var sources: [SourceText] = []
        var errors: [String] = []
        switch readFile(location.configPath) {
        case .success(let bytes?): sources.append(SourceText(name: location.configPath, bytes: bytes))
        case .success(nil) where !location.isExplicit: sources.append(SourceText(name: DefaultConfig.name, text: DefaultConfig.text))
        case .success(nil): errors.append("Failed to read \(location.configPath): \(String(cString: strerror(ENOENT)))")
        case .failure(let error): errors.append(error.message)
        }
        for directory in [location.dropInDirectory, location.runtimeDropInDirectory].compactMap({ $0 }) {
            switch dropIns(in: directory) {
            case .failure(let error): errors.append(error.message)
            case .success(let paths):
                for path in paths {
                    switch readFile(path) {
                    case .success(let bytes?): sources.append(SourceText(name: path, bytes: bytes))
                    case .success(nil): continue   // removed between listing and reading
                    case .failure(let error): errors.append(error.message)
                    }
                }
            }
        }
        return errors.isEmpty ? .success(sources) : .failure(ConfigLoadFailure(systemErrors: errors))
    }

    /// Finds, reads, merges and checks the config: what the daemon, `check-config` and `ctl` call.
    public static func load(explicitPath: String?, environment: [String: String]) -> Result<LoadedConfig, ConfigLoadFailure> {
        read(locate(explicitPath: explicitPath, environment: environment)).flatMap { ConfigLoader.load($0, zones: .system) }
    }

    // MARK: File system

    struct SystemError: Error { var message: String }

    /// `*.toml` regular files (or links to them) in `directory`, sorted by byte order; none when it does not exist.
    static func dropIns(in directory: String) -> Result<[String], SystemError> {
        guard let stream = opendir(directory) else {
            if errno == ENOENT || errno == ENOTDIR { return .success([]) }
            return .failure(failure("list", directory))
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name.hasSuffix(".toml"), !name.hasPrefix(".") else { continue }
            var info = stat()
            guard stat(directory + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            names.append(name)
        }
        return .success(names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { directory + "/" + $0 })
    }

    /// The whole file; `nil` when it does not exist.
    static func readFile(_ path: String) -> Result<[UInt8]?, SystemError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return errno == ENOENT ? .success(nil) : .failure(failure("read", path)) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(failure("read", path))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    private static func failure(_ verb: String, _ path: String) -> SystemError {
        SystemError(message: "Failed to \(verb) \(path): \(String(cString: strerror(errno)))")
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
