import TOML

/// `[goals]`: daily water in ml, electrolyte targets and safety caps in mg; all optional.
enum GoalsSchema {
    static func read(_ table: LocatedTable, _ reader: inout ValueReader) -> Goals {
        var goals = Goals()
        if let water = table["water_ml"] { goals.waterMilliliters = reader.positiveInteger(water) }
        for electrolyte in Electrolyte.allCases {
            let targetKey = ConfigKeys.targetKey(electrolyte), capKey = ConfigKeys.capKey(electrolyte)
            if let entry = table[targetKey], let mg = reader.positiveInteger(entry) { goals.targetMilligrams[electrolyte] = mg }
            if let entry = table[capKey], let mg = reader.positiveInteger(entry) { goals.capMilligrams[electrolyte] = mg }
            if let entry = table[ConfigKeys.minimumGapKey(electrolyte)], let gap = reader.duration(entry, allowZero: false) {
                if gap > DoseSpacing.maximumGap {
                    reader.fail(entry, "expected at most 1d for \"\(entry.key)\", got \"\(DurationSyntax.format(gap))\"; a gap of more than a day would hold every daily dose back")
                } else {
                    goals.minimumGap[electrolyte] = gap
                }
            }
            // A target above its own cap could never be met safely.
            if let target = goals.targetMilligrams[electrolyte], let cap = goals.capMilligrams[electrolyte], target > cap,
               let entry = table[targetKey] {
                reader.fail(entry, "\"\(targetKey)\" (\(target) mg) is above its safety cap \"\(capKey)\" (\(cap) mg); lower the target or raise the cap")
            }
        }
        if let entry = table["water_checkpoints"] {
            goals.waterCheckpoints = readCheckpoints(entry, waterGoal: goals.waterMilliliters, &reader) ?? []
        }
        return goals
    }
}
