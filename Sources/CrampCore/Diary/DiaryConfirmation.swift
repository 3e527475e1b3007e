/// The one-line answers of `crampd ctl drink|take|cramp|undo` for people.
public enum DiaryConfirmation {
    /// After logging `entry`; `today` (computed after the insert) adds where the day stands.
    ///
    /// "Logged a drink of 250 ml at 14:03. Today: 1250 of 2000 ml (62%)."
    public static func logged(_ entry: DiaryEntry, today: TodaySummary?, zone: Zone) -> String {
        let at = DiaryTimeFormat.clock(entry.time, in: zone)
        switch entry {
        case .drink(let d):
            var line = "Logged a drink of \(d.milliliters) ml at \(at)."
            if let t = today {
                line += t.waterGoalMilliliters.map { " Today: \(t.waterMilliliters) of \($0) ml (\(t.waterMilliliters * 100 / max($0, 1))%)." }
                    ?? " Today: \(t.waterMilliliters) ml."
                if t.waterGoalMet { line += " Goal met: water reminders rest until tomorrow." }
            }
            return line
        case .dose(let d):
            var line = "Logged \(d.milligrams) mg of \(d.electrolyte.rawValue) at \(at)."
            if let p = today?.electrolytes.first(where: { $0.electrolyte == d.electrolyte }) {
                line += " Today: \(p.milligrams) mg" + (p.targetMilligrams.map { " of \($0) mg" } ?? "") + "."
                if p.capExceeded, let cap = p.capMilligrams {
                    line += " That is above your daily cap of \(cap) mg; check the label or ask a pharmacist before taking more."
                }
            }
            return line
        case .cramp(let c):
            var line = "Logged a cramp" + (c.muscle.map { " (\($0))" } ?? "") + ", severity \(c.severity), at \(at)"
            line += c.atNight ? ", at night." : "."
            if let t = today, t.cramps.count > 1 { line += " \(t.cramps.count) cramps today." }
            return line
        }
    }

    /// After `undo`: what was removed, or that there was nothing.
    public static func undone(_ entry: DiaryEntry?, zone: Zone) -> String {
        guard let entry else { return "Nothing to undo: the diary has no drinks, doses or cramps." }
        return "Removed the \(entry.describe(in: zone))."
    }
}
