import TOML

/// From merged files to a checked `Config`: every section, every reminder, every problem.
public enum ConfigSchema {
    /// Merges `files` (the first is the base) and checks the result, with the warnings of the
    /// merge rendered (ctl overrides left out). Fails with all diagnostics, in file order, when anything is wrong.
    public static func validate(_ files: [ConfigMerge.File], zones: TZDatabase) -> Result<(config: Config, warnings: [String]), ConfigLoadFailure> {
        var diagnostics: [ConfigDiagnostic] = []
        let document = ConfigMerge.merge(files, diagnostics: &diagnostics)
        var reader = ValueReader(diagnostics: diagnostics, zones: zones)
        let daemon = DaemonSchema.read(document.daemon, &reader)
        let goals = GoalsSchema.read(document.goals, &reader)
        // The ids a "did you mean" looks among: each look is a pass over them, so with
        // thousands of reminders (each an error) there is no hint rather than n² work.
        let ids = document.reminders.count <= 1_000 ? document.reminders.map(\.id) : []
        var reminders: [Reminder] = []
        for merged in document.reminders {
            if let reminder = ReminderSchema.read(merged, ids: ids, &reader) {
                reminders.append(reminder)
            }
        }
        ChainCheck.check(document.reminders, &reader)
        let supplies = SupplySchema.read(document.supplies, &reader)
        if goals.waterMilliliters == nil {
            // Pace needs a goal to keep pace with.
            for merged in document.reminders {
                guard let entry = merged.table["pace"], entry.value == .bool(true) else { continue }
                reader.diagnostics.add(atKey: entry, "reminder \"\(merged.id)\" keeps pace toward the daily water goal, but [goals] has no water_ml; set water_ml = 2000 (say), or leave out \"pace\"")
            }
        }
        for duplicate in document.duplicates { _ = ReminderSchema.read(duplicate, ids: [], &reader) }
        var hooks: [Hook] = []
        for (index, table) in document.hooks.enumerated() {
            if let hook = HookSchema.read(table, index: index + 1, &reader) { hooks.append(hook) }
        }
        guard reader.diagnostics.isEmpty else {
            return .failure(ConfigLoadFailure(diagnostics: ConfigDiagnostic.sorted(reader.diagnostics, sourceOrder: files.map(\.name)),
                                              sources: files.map(\.source)))
        }
        let warnings = ConfigDiagnostic.renderEach(document.leftovers, sources: files.map(\.source))
        var config = Config(daemon: daemon, goals: goals, reminders: reminders, hooks: hooks)
        config.supplies = supplies
        return .success((config, warnings))
    }
}
