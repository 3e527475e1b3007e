import Logging
import TOML

/// What `crampd run` was asked to do; everything else comes from the environment.
public struct DaemonOptions: Sendable {
    /// `--config PATH`; nil means the XDG location (or the built-in default).
    public var configPath: String?
    /// The process environment, read once at start.
    public var environment: [String: String]

    /// `--verbose`: on a terminal, show each entry's fields too.
    public var verbose: Bool

    public init(configPath: String?, environment: [String: String], verbose: Bool = false) {
        self.configPath = configPath
        self.environment = environment
        self.verbose = verbose
    }

    var directories: XDGDirectories { XDGDirectories(environment: environment) }

    /// `$XDG_STATE_HOME/crampd/state.json`: what must survive a restart.
    var statePath: String { directories.state + "/state.json" }

    /// `$XDG_STATE_HOME/crampd/diary.sqlite`: drinks, doses, cramps, reminder events.
    var diaryPath: String { directories.state + "/diary.sqlite" }

    /// `$XDG_STATE_HOME/crampd/last-good-config.json`: the files of the last config that loaded.
    var lastGoodConfig: LastGoodConfig { LastGoodConfig(path: directories.state + "/last-good-config.json") }

    var configLocation: ConfigFiles.Location {
        ConfigFiles.locate(explicitPath: configPath, environment: environment)
    }

    /// Keeps `sources` as the last good config; a failure costs only that copy, so it is logged.
    func saveLastGood(_ sources: [SourceText], logger: Logger) {
        guard configPath == nil else { return }  // a one-off --config file is nobody's last good config
        do throws(FileSystemError) { try lastGoodConfig.save(sources) } catch {
            logger.warning("\(error); a broken config at the next start falls back to an older copy")
        }
    }
}
