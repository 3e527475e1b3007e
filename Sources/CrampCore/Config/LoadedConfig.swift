/// A checked config and the files it came from, in merge order.
public struct LoadedConfig: Sendable, Equatable {
    public var config: Config
    /// Paths of the files in use, base first; the built-in default shows as `DefaultConfig.name`.
    public var files: [String]
    /// What was left out but not wrong, one line each: a ctl override of a reminder no
    /// other file defines any more, an entry of config.d that is not a regular file.
    public var warnings: [String]

    public init(config: Config, files: [String], warnings: [String] = []) {
        self.config = config; self.files = files; self.warnings = warnings
    }
}
