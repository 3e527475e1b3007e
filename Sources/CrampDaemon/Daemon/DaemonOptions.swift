import CrampCore
import Logging

/// What `crampd run` was asked to do; everything else comes from the environment.
public struct DaemonOptions: Sendable {
    /// `--config PATH`; nil means the XDG location (or the built-in default).
    public var configPath: String?
    /// The process environment, read once at start.
    public var environment: [String: String]
    /// Where the daemon reads the time: the wall clock, or a test's clock.
    public var clock: @Sendable () -> Instant
    /// Where zones are read: the system tzdata, or a test's zones.
    public var zones: TZDatabase
    /// The link (or file) naming the system zone, watched while the zone follows it.
    public var localtimePath: String

    /// `--verbose`: on a terminal, show each entry's fields too.
    public var verbose: Bool

    public init(configPath: String?, environment: [String: String], verbose: Bool = false,
                clock: @escaping @Sendable () -> Instant = WallClock.now,
                zones: TZDatabase = .system, localtimePath: String = "/etc/localtime") {
        self.configPath = configPath
        self.environment = environment
        self.verbose = verbose
        self.clock = clock
        self.zones = zones
        self.localtimePath = localtimePath
    }

    var directories: XDGDirectories { XDGDirectories(environment: environment) }

    /// `$XDG_STATE_HOME/crampd/state.json`: what must survive a restart.
    var statePath: String { directories.state + "/state.json" }

    /// `$XDG_STATE_HOME/crampd/diary.sqlite`: drinks, doses, cramps, reminder events.
    var diaryPath: String { directories.state + "/diary.sqlite" }

    /// `$XDG_STATE_HOME/crampd/last-good-config.json`: the files of the last config that loaded.
    var lastGoodConfig: LastGoodConfig { LastGoodConfig(path: directories.state + "/last-good-config.json") }

    /// `CRAMPD_NOTIFY_TIMEOUT_MS` (whole seconds, 1000 to 60000), for tests that play a hung
    /// notification server without waiting the default 5 s.
    var notifyCallTimeoutMicroseconds: UInt64 {
        guard let text = environment["CRAMPD_NOTIFY_TIMEOUT_MS"], let ms = UInt64(text), (1_000...60_000).contains(ms) else {
            return NotificationsAPI.callTimeoutMicroseconds
        }
        return ms / 1_000 * 1_000_000
    }

    var configLocation: ConfigFiles.Location {
        ConfigFiles.locate(explicitPath: configPath, environment: environment)
    }

    /// Reads and loads the config files (at start and at each reload); a config that loads is
    /// kept as the last good one. Failing to keep it costs only that copy, so it is logged.
    func loadConfigRemembering(logger: Logger) -> Result<LoadedConfig, ConfigLoadFailure> {
        ConfigFiles.read(configLocation).flatMap { found in
            ConfigFiles.load(found).map { loaded in
                // A one-off --config file is nobody's last good config.
                guard configPath == nil else { return loaded }
                do throws(FileSystemError) { try lastGoodConfig.save(found.sources) } catch {
                    logger.warning("\(error); a broken config at the next start falls back to an older copy")
                }
                return loaded
            }
        }
    }
}
