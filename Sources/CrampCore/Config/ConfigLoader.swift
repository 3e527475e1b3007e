import TOML

/// Sources in, checked config out: parses each file, merges them, checks the result.
/// Pure; the file reading is `ConfigFiles` in CrampDaemon.
public enum ConfigLoader {
    /// `sources[0]` is the base (the user's file or the built-in default), the rest are drop-ins in merge order.
    /// Syntax errors of every file are reported together; the schema is checked only when all files parse.
    /// `zones`: where `timezone` and calendar zone names are looked up.
    public static func load(_ sources: [SourceText], zones: TZDatabase) -> Result<LoadedConfig, ConfigLoadFailure> {
        var files: [ConfigMerge.File] = []
        var diagnostics: [ConfigDiagnostic] = []
        for source in sources {
            do throws(TOMLError) {
                files.append(ConfigMerge.File(source: source, table: try TOML.parse(source.bytes, version: .v1_1)))
            } catch {
                diagnostics.add(source.name, error.offset, error.message)
            }
        }
        guard diagnostics.isEmpty else { return .failure(ConfigLoadFailure(diagnostics: diagnostics, sources: sources)) }
        return ConfigSchema.validate(files, zones: zones).map { LoadedConfig(config: $0.config, files: sources.map(\.name), warnings: $0.warnings) }
    }

    /// The built-in default alone, as used when the user has no files at all.
    public static func loadDefault(zones: TZDatabase) -> Result<LoadedConfig, ConfigLoadFailure> {
        load([SourceText(name: DefaultConfig.name, text: DefaultConfig.text)], zones: zones)
    }
}

extension ConfigLoader {
    /// The reminder ids `sources` define after merging, valid or not: what `DropInEdit.apply`
    /// needs as `definedElsewhere` (pass every source except the ctl drop-in).
    public static func reminderIDs(in sources: [SourceText]) -> Set<String> {
        let files = sources.compactMap { source in
            (try? TOML.parse(source.bytes, version: .v1_1)).map { ConfigMerge.File(source: source, table: $0) }
        }
        var ignored: [ConfigDiagnostic] = []
        return Set(ConfigMerge.merge(files, diagnostics: &ignored).reminders.map(\.id))
    }
}
