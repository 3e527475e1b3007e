import Glibc

/// The XDG base directories crampd uses, resolved once from an environment: the one place
/// that reads XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_RUNTIME_DIR and CRAMPD_SOCKET.
///
/// Pure: takes the environment and user id so tests, `crampd ctl` and `check-config`
/// resolve the same paths the daemon does.
public struct XDGDirectories: Sendable, Equatable {
    /// `$XDG_CONFIG_HOME/crampd` (default `~/.config/crampd`).
    public var config: String
    /// `$XDG_STATE_HOME/crampd` (default `~/.local/state/crampd`).
    public var state: String
    /// `$XDG_RUNTIME_DIR/crampd`, or `runtimeFallback` when XDG_RUNTIME_DIR is unset or relative.
    public var runtime: String
    /// True when `runtime` is the fallback: the shell must check it is ours before use
    /// (`PrivateDirectory`), as nothing like logind made it for us.
    public var runtimeIsFallback: Bool
    /// `$CRAMPD_SOCKET` when set (tests, benchmarks), else `runtime/ctl.sock`.
    public var controlSocket: String

    /// `accountHome` is asked only when HOME is unset or empty (the passwd entry by default).
    public init(environment: [String: String], userID: uid_t = getuid(),
                accountHome: (uid_t) -> String? = XDGDirectories.passwdHome) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? accountHome(userID) ?? "/"
        // The spec says relative paths are invalid and must be ignored.
        func absolute(_ name: String) -> String? { environment[name].flatMap { $0.hasPrefix("/") ? $0 : nil } }
        config = (absolute("XDG_CONFIG_HOME") ?? home + "/.config") + "/crampd"
        state = (absolute("XDG_STATE_HOME") ?? home + "/.local/state") + "/crampd"
        if let runtimeBase = absolute("XDG_RUNTIME_DIR") {
            runtime = runtimeBase + "/crampd"
            runtimeIsFallback = false
        } else {
            runtime = Self.runtimeFallback(userID: userID)
            runtimeIsFallback = true
        }
        controlSocket = environment["CRAMPD_SOCKET"].flatMap { $0.isEmpty ? nil : $0 } ?? runtime + "/ctl.sock"
    }

    /// The spec's "replacement directory with similar capabilities" when XDG_RUNTIME_DIR is
    /// unset (cron, su, a container): private to the user, as tmux's `/tmp/tmux-UID`.
    public static func runtimeFallback(userID: uid_t) -> String { "/tmp/crampd-\(userID)" }

    /// The home directory of `userID` in the user database.
    public static func passwdHome(_ userID: uid_t) -> String? {
        guard let entry = getpwuid(userID), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }

    /// The warning the daemon logs once when it uses the fallback.
    public var fallbackWarning: String? {
        runtimeIsFallback
            ? "XDG_RUNTIME_DIR is not set (no login session); using \(runtime) for the control socket and runtime changes"
            : nil
    }
}
