import CrampCore
import Glibc
import POSIX
import TOML

/// Finds and reads the config files; the pure merging and checking is `ConfigLoader` in CrampCore.
///
/// Order: the base (`--config PATH`, else `$XDG_CONFIG_HOME/crampd/config.toml`, else
/// `~/.config/crampd/config.toml`, else the built-in default), then `config.d/*.toml` beside
/// it in lexical order, then `$XDG_RUNTIME_DIR/crampd/config.d/*.toml` (or the runtime fallback's; changes made with
/// `crampd ctl … --runtime`, gone after a reboot) in lexical order.
public enum ConfigFiles {
    /// The drop-in `crampd ctl set/add/remove/reset` writes, in both drop-in directories.
    public static let ctlDropInName = ConfigMerge.ctlDropInName

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

    /// The files read, and what was left out: entries of config.d that are not regular files.
    public struct Found: Sendable {
        public var sources: [SourceText]
        /// "Ignored PATH: it is a FIFO, …", one per entry left out.
        public var warnings: [String]
    }

    /// The sources as they would be if `path` held `bytes` (`nil`: as if it were deleted):
    /// how `crampd ctl` checks a new drop-in with every other file before writing it.
    /// A new drop-in takes its lexical place among the others of its directory.
    public static func read(_ location: Location, replacing path: String, with bytes: [UInt8]?) -> Result<Found, ConfigLoadFailure> {
        read(location).map { found in
            var result = found.sources.filter { $0.name != path }
            guard let bytes else { return Found(sources: result, warnings: found.warnings) }
            // Drop-ins sort by directory (config.d, then the runtime one), then by name.
            let directories = [location.dropInDirectory, location.runtimeDropInDirectory].compactMap { $0 }
            func precedes(_ a: String, _ b: String) -> Bool {
                let (da, db) = (directories.firstIndex(of: directory(of: a)) ?? 0, directories.firstIndex(of: directory(of: b)) ?? 0)
                return da != db ? da < db : Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
            }
            let index = result.indices.dropFirst().first { precedes(path, result[$0].name) } ?? result.endIndex
            result.insert(SourceText(name: path, bytes: bytes), at: max(index, min(1, result.count)))
            return Found(sources: result, warnings: found.warnings)
        }
    }

    /// Reads every file in use, in merge order: the base first (the built-in default when
    /// the user has none), then the drop-ins. Fails when a file exists but cannot be read.
    public static func read(_ location: Location) -> Result<Found, ConfigLoadFailure> {
        var sources: [SourceText] = []
        var errors: [String] = []
        var warnings: [String] = []
        switch readFile(location.configPath) {
        case .success(let bytes?): sources.append(SourceText(name: location.configPath, bytes: bytes))
        case .success(nil) where !location.isExplicit: sources.append(SourceText(name: DefaultConfig.name, text: DefaultConfig.text))
        case .success(nil): errors.append("Failed to read \(location.configPath): \(errnoText(ENOENT))")
        case .failure(let error): errors.append(error.description)
        }
        for directory in [location.dropInDirectory, location.runtimeDropInDirectory].compactMap({ $0 }) {
            switch dropIns(in: directory) {
            case .failure(let error): errors.append(error.message)
            case .success(let listing):
                warnings += listing.ignored
                for path in listing.paths {
                    switch readFile(path) {
                    case .success(let bytes?): sources.append(SourceText(name: path, bytes: bytes))
                    case .success(nil): continue   // removed between listing and reading
                    case .failure(let error): errors.append(error.description)
                    }
                }
            }
        }
        return errors.isEmpty ? .success(Found(sources: sources, warnings: warnings)) : .failure(ConfigLoadFailure(systemErrors: errors))
    }

    /// Finds, reads, merges and checks the config: what the daemon, `check-config` and `ctl` call.
    public static func load(explicitPath: String?, environment: [String: String]) -> Result<LoadedConfig, ConfigLoadFailure> {
        read(locate(explicitPath: explicitPath, environment: environment)).flatMap(load)
    }

    /// Merges and checks what `read` found; its warnings come first among the config's.
    public static func load(_ found: Found) -> Result<LoadedConfig, ConfigLoadFailure> {
        ConfigLoader.load(found.sources, zones: .system).map { loaded in
            var loaded = loaded
            loaded.warnings = found.warnings + loaded.warnings
            return loaded
        }
    }

    // MARK: File system

    struct SystemError: Error { var message: String }

    /// `*.toml` regular files (or links to them) in `directory`, sorted by byte order, and a
    /// warning for each other `*.toml` entry (a directory, a FIFO, a dangling link, a link loop):
    /// left out, but said, so a drop-in never goes missing silently. None when it does not exist.
    static func dropIns(in directory: String) -> Result<(paths: [String], ignored: [String]), SystemError> {
        guard let stream = opendir(directory) else {
            if errno == ENOENT || errno == ENOTDIR { return .success(([], [])) }
            return .failure(failure("list", directory))
        }
        defer { closedir(stream) }
        var names: [String] = []
        var ignored: [(name: String, why: String)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name.hasSuffix(".toml"), !name.hasPrefix(".") else { continue }
            var info = stat()
            if stat(directory + "/" + name, &info) != 0 {
                let why = switch errno {
                case ENOENT: "it is a link to a file that does not exist"
                case ELOOP: "it is a symbolic link loop"
                default: errnoText()
                }
                ignored.append((name, why))
            } else if info.st_mode & S_IFMT != S_IFREG {
                ignored.append((name, "it is \(RegularFile.typeName(info.st_mode)), not a regular file"))
            } else {
                names.append(name)
            }
        }
        func byteOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }
        return .success((names.sorted(by: byteOrder).map { directory + "/" + $0 },
                         ignored.sorted { byteOrder($0.name, $1.name) }.map { "Ignored \(directory)/\($0.name): \($0.why)" }))
    }

    /// The whole file (`RegularFile.read` with the config cap); `nil` when it does not exist.
    static func readFile(_ path: String) -> Result<[UInt8]?, FileReadError> {
        RegularFile.read(path, cap: .config)
    }

    private static func failure(_ verb: String, _ path: String) -> SystemError {
        SystemError(message: "Failed to \(verb) \(path): \(errnoText())")
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
