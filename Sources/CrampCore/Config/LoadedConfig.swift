/// A checked config and the files it came from, in merge order.
public struct LoadedConfig: Sendable, Equatable {
    public var config: Config
    /// Paths of the files in use, base first; the built-in default shows as `DefaultConfig.name`.
    public var files: [String]

    public init(config: Config, files: [String]) { self.config = config; self.files = files }
}
