/// The XDG base directories crampd uses, resolved once from an environment.
///
/// Pure: takes the environment as a dictionary so tests and `crampd ctl`
/// resolve the same paths the daemon does.
public struct XDGDirectories: Sendable, Equatable {
    /// `$XDG_CONFIG_HOME/crampd` (default `~/.config/crampd`).
    public var config: String
    /// `$XDG_STATE_HOME/crampd` (default `~/.local/state/crampd`).
    public var state: String
    /// `$XDG_RUNTIME_DIR/crampd`; `nil` when XDG_RUNTIME_DIR is unset.
    public var runtime: String?

    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        func base(_ name: String, _ fallback: String) -> String {
            // The spec says relative paths are invalid and must be ignored.
            if let value = environment[name], value.hasPrefix("/") { return value }
            return home + fallback
        }
        config = base("XDG_CONFIG_HOME", "/.config") + "/crampd"
        state = base("XDG_STATE_HOME", "/.local/state") + "/crampd"
        runtime = environment["XDG_RUNTIME_DIR"].flatMap { $0.hasPrefix("/") ? $0 + "/crampd" : nil }
    }

    /// Where the control socket lives when systemd does not hand us one.
    public var controlSocket: String? { runtime.map { $0 + "/ctl.sock" } }
}
