/// Renders `crampd ctl stats` for people. In a terminal, one bar per day (water, scaled to the
/// larger of the goal and the best day, with ┆ marking the goal on days short of it); otherwise a plain table of
/// numbers for scripts and pipes. The summary below is the same in both.
public enum StatsRenderer {
    /// On a terminal every line fits `width` (60 columns and up): the summary's long lines break.
    public static func render(_ s: DiaryStats, isTerminal: Bool, width: Int = 80, glyphs: BlockBar.Glyphs = .unicode) -> String {
        var lines: [String] = []
        let first = s.days.first.map { DiaryTimeFormat.date($0.date) } ?? "", last = s.days.last.map { DiaryTimeFormat.date($0.date) } ?? ""
        let goal = s.waterGoalMilliliters.map { "goal \($0) ml a day" } ?? "no daily water goal set"
        lines += TextColumns.wrap("Last \(s.days.count) days, \(first) to \(last) (\(s.zoneName)); \(goal)", width: width, indent: 2)
        lines += isTerminal ? chart(s, width: width, glyphs: glyphs) : table(s)
        lines.append("")
        lines += summary(s).flatMap { TextColumns.wrap($0, width: width, indent: 14) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Wed 11-25  ████████▌   1250 ml   62%  done 5/6  cramps 1 (1 at night)"; the plain table
    /// when the terminal is too narrow for bars of at least `minimumBar` cells.
    static func chart(_ s: DiaryStats, width: Int, glyphs: BlockBar.Glyphs = .unicode) -> [String] {
        // Around the bar: label 9 + 2, then 2 + ml 7 + 2 + percent 4 + check 2 + 2 + reminders 11
        // = 41 cells, plus the longest cramps text of the span ("  cramps 1 (1 at night)", or
        // "  cramps 1" where that leaves no room for a bar).
        func crampsWidth(brief: Bool) -> Int { s.days.map { crampsText($0, brief: brief).count }.max() ?? 0 }
        var brief = false
        var barWidth = min(40, width - 41 - crampsWidth(brief: false))
        if barWidth < minimumBar { brief = true; barWidth = min(40, width - 41 - crampsWidth(brief: true)) }
        guard barWidth >= minimumBar else { return table(s) }
        let scale = max(s.waterGoalMilliliters ?? 0, s.days.map(\.waterMilliliters).max() ?? 0)
        return s.days.map { d in
            var line = DiaryTimeFormat.dayLabel(d.date) + "  " + BlockBar.draw(value: d.waterMilliliters, scale: scale, width: barWidth, goal: s.waterGoalMilliliters, glyphs: glyphs)
            line += "  " + TextColumns.right("\(d.waterMilliliters) ml", 7)
            line += "  " + TextColumns.right(TextColumns.percent(d.waterMilliliters, of: s.waterGoalMilliliters), 4)
            let met = s.waterGoalMilliliters.map { d.waterMilliliters >= $0 } ?? false
            line += met ? glyphs.goalMet : "  "
            line += "  " + TextColumns.left(d.reminders.due > 0 ? "done \(d.reminders.done)/\(d.reminders.due)" : "", 11)
            line += crampsText(d, brief: brief)
            return TodayRenderer.trimTrailing(line)
        }
    }

    static let minimumBar = 6

    private static func crampsText(_ d: DayStats, brief: Bool) -> String {
        guard d.cramps > 0 else { return "" }
        return "  cramps \(d.cramps)" + (d.nightCramps > 0 && !brief ? " (\(d.nightCramps) at night)" : "")
    }

    /// Whitespace-separated columns with a header: `awk`-friendly, no bars.
    static func table(_ s: DiaryStats) -> [String] {
        let header = ["date", "water_ml", "goal_pct", "due", "done", "cramps", "night_cramps"]
        let widths = [10, 8, 8, 4, 4, 6, 12]
        func row(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { i, cw in i == 0 ? TextColumns.left(cw.0, cw.1) : TextColumns.right(cw.0, cw.1) }
                .joined(separator: "  ")
        }
        return [row(header)] + s.days.map { d in
            let pct = s.waterGoalMilliliters.map { $0 > 0 ? String(d.waterMilliliters * 100 / $0) : "-" } ?? "-"
            return row([DiaryTimeFormat.date(d.date), String(d.waterMilliliters), pct, String(d.reminders.due),
                        String(d.reminders.done), String(d.cramps), String(d.nightCramps)])
        }
    }

    static func summary(_ s: DiaryStats) -> [String] {
        var lines: [String] = []
        var water = "Water         average \(s.averageWaterMilliliters) ml a day"
        if s.waterGoalMilliliters != nil { water += "; goal met on \(s.daysGoalMet) of \(s.days.count) days" }
        lines.append(water)
        if s.electrolytes.isEmpty {
            lines.append("Electrolytes  none logged")
        } else {
            for (i, e) in s.electrolytes.enumerated() {
                let perDay = e.milligrams / max(s.days.count, 1)
                var limits: [String] = []
                // Without "mg" after each: the line stays within 80 columns.
                if let t = e.targetMilligrams { limits.append("target \(t)") }
                if let c = e.capMilligrams { limits.append("cap \(c)") }
                var line = TextColumns.left(i == 0 ? "Electrolytes" : "", 14) + TextColumns.left(e.electrolyte.rawValue, 10)
                    + TextColumns.right("\(e.milligrams) mg", 9) + " in all, " + TextColumns.right("\(perDay)", 4) + " mg a day"
                if !limits.isEmpty { line += " (" + limits.joined(separator: ", ") + ")" }
                lines.append(line)
            }
        }
        let a = s.adherence
        if let pct = a.percent {
            lines.append("Reminders     done \(a.done) of \(a.due) (\(pct)%); \(a.skipped) skipped, \(a.missed) missed")
        } else {
            lines.append("Reminders     none fell due")
        }
        lines.append("Cramps        \(s.cramps)" + (s.cramps > 0 ? ", \(s.nightCramps) of them at night" : ""))
        return lines
    }
}
