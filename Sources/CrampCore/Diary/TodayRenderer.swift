/// Renders `crampd ctl today` for people. Bars when `isTerminal`, else the same lines without them.
///
/// ```
/// Today, Wed 2026-11-25 (UTC)
/// Water       ███████████████▋              1250 of 2000 ml   62%  5 drinks, last at 14:03
/// Magnesium   ████████████████████████████   450 of 400 mg   112%  above the daily cap of 420 mg
/// Still due   15:00  water (250 ml)
/// Cramps      03:10  calf, severity 6, at night
/// ```
public enum TodayRenderer {
    static let labelWidth = 12

    public static func render(_ s: TodaySummary, zone: Zone, isTerminal: Bool, width: Int = 80) -> String {
        let barWidth = isTerminal ? min(30, max(10, width - 52)) : 0
        var lines = ["Today, \(DiaryTimeFormat.dayLabel(s.date).prefix(3)) \(DiaryTimeFormat.date(s.date)) (\(s.zoneName))"]

        func progress(_ label: String, _ amount: Int, goal: Int?, unit: String, note: String) -> String {
            var line = TextColumns.left(label, labelWidth)
            if barWidth > 0 { line += BlockBar.draw(value: amount, scale: goal ?? 0, width: barWidth) + "  " }
            let amountText = goal.map { "\(amount) of \($0) \(unit)" } ?? "\(amount) \(unit)"
            line += TextColumns.right(amountText, 16) + "  " + TextColumns.right(TextColumns.percent(amount, of: goal), 4)
            return trimTrailing(note.isEmpty ? line : line + "  " + note)
        }

        var drinks = s.drinkCount == 1 ? "1 drink" : "\(s.drinkCount) drinks"
        if let last = s.lastDrinkAt { drinks += ", last at \(DiaryTimeFormat.clock(last, in: zone))" }
        if s.waterGoalMilliliters == nil { drinks += "; no daily goal set" }
        lines.append(progress("Water", s.waterMilliliters, goal: s.waterGoalMilliliters, unit: "ml", note: drinks))

        for e in s.electrolytes {
            var notes: [String] = []
            if e.targetMilligrams == nil { notes.append("no target") }
            if let cap = e.capMilligrams {
                notes.append(e.capExceeded ? "above the daily cap of \(cap) mg" : "cap \(cap) mg")
            }
            lines.append(progress(capitalized(e.electrolyte.rawValue), e.milligrams, goal: e.targetMilligrams, unit: "mg",
                                  note: notes.joined(separator: ", ")))
        }

        let due = s.stillDue.map { p in
            DiaryTimeFormat.clock(p.due, in: zone) + "  " + p.reminderID + (p.amountText.map { " (\($0))" } ?? "")
        }
        lines += labelled("Still due", due, empty: "nothing more today")

        let cramps = s.cramps.map { c in
            var parts = [c.muscle ?? "cramp", "severity \(c.severity)"]
            if c.atNight { parts.append("at night") }
            return DiaryTimeFormat.clock(c.time, in: zone) + "  " + parts.joined(separator: ", ")
        }
        lines += labelled("Cramps", cramps, empty: "none today")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The label on the first line, blanks under it on the rest.
    static func labelled(_ label: String, _ items: [String], empty: String) -> [String] {
        (items.isEmpty ? [empty] : items).enumerated().map { i, item in
            TextColumns.left(i == 0 ? label : "", labelWidth) + item
        }
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static func trimTrailing(_ s: String) -> String {
        String(s.reversed().drop { $0 == " " }.reversed())
    }
}
