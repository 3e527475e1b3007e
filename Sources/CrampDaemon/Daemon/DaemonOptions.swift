import CrampCore

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

    public init(configPath: String?, environment: [String: String], clock: @escaping @Sendable () -> Instant = WallClock.now,
                zones: TZDatabase = .system, localtimePath: String = "/etc/localtime") {
        self.configPath = configPath
        self.environment = environment
        self.clock = clock
        self.zones = zones
        self.localtimePath = localtimePath
    }

    var directories: XDGDirectories { XDGDirectories(environment: environment) }

    /// `$XDG_STATE_HOME/crampd/state.json`: what must survive a restart.
    var statePath: String { directories.state + "/state.json" }

    /// `$XDG_STATE_HOME/crampd/diary.sqlite`: drinks, doses, cramps, reminder events.
    var diaryPath: String { directories.state + "/diary.sqlite" }

    var configLocation: ConfigFiles.Location {
        ConfigFiles.locate(explicitPath: configPath, environment: environment)
    }
}
