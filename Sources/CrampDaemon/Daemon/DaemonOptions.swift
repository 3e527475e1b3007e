/// What `crampd run` was asked to do; everything else comes from the environment.
public struct DaemonOptions: Sendable {
    /// `--config PATH`; nil means the XDG location (or the built-in default).
    public var configPath: String?
    /// The process environment, read once at start.
    public var environment: [String: String]

    public init(configPath: String?, environment: [String: String]) {
        self.configPath = configPath
        self.environment = environment
    }

    var directories: XDGDirectories { XDGDirectories(environment: environment) }

    /// `$XDG_STATE_HOME/crampd/state.json`: what must survive a restart.
    var statePath: String { directories.state + "/state.json" }

    /// `$XDG_STATE_HOME/crampd/diary.sqlite`: drinks, doses, cramps, reminder events.
    var diaryPath: String { directories.state + "/diary.sqlite" }

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
}
