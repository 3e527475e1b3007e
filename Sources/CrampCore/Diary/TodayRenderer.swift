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

    /// On a terminal every line fits `width` (60 columns and up): the bars shrink, and when
    /// a note no longer fits beside a bar of 10 cells it goes on the line below.
    /// `isToday` false: an earlier day (`today --date`), headed by its date, with nothing still due.
    public static func render(_ s: TodaySummary, zone: Zone, isTerminal: Bool, width: Int = 80,
                              glyphs: BlockBar.Glyphs = .unicode, isToday: Bool = true) -> String {
        let day = "\(DiaryTimeFormat.dayLabel(s.date).prefix(3)) \(DiaryTimeFormat.date(s.date)) (\(s.zoneName))"
        var lines = [isToday ? "Today, " + day : day]
        // Label, amount and percent take `fixedWidth` cells; a bar adds its width and 2.
        let fixedWidth = labelWidth + 16 + 2 + 4
        var barWidth = 0, notesBelow = false
        var rows: [(label: String, amount: Int, goal: Int?, unit: String, note: String)] = []

        func progress(_ row: (label: String, amount: Int, goal: Int?, unit: String, note: String)) -> [String] {
            var line = TextColumns.left(row.label, labelWidth)
            if barWidth > 0 { line += BlockBar.draw(value: row.amount, scale: row.goal ?? 0, width: barWidth, glyphs: glyphs) + "  " }
            let amountText = row.goal.map { "\(row.amount) of \($0) \(row.unit)" } ?? "\(row.amount) \(row.unit)"
            line += TextColumns.right(amountText, 16) + "  " + TextColumns.right(TextColumns.percent(row.amount, of: row.goal), 4)
            if row.note.isEmpty { return [trimTrailing(line)] }
            if notesBelow { return [trimTrailing(line), String(repeating: " ", count: labelWidth) + row.note] }
            return [trimTrailing(line + "  " + row.note)]
        }

        var drinks = s.drinkCount == 1 ? "1 drink" : "\(s.drinkCount) drinks"
        if let last = s.lastDrinkAt { drinks += ", last at \(DiaryTimeFormat.clock(last, in: zone))" }
        if s.waterGoalMilliliters == nil { drinks += "; no daily goal set" }
        if let pace = s.pace, isToday { drinks += "; " + pace.text }
        rows.append(("Water", s.waterMilliliters, s.waterGoalMilliliters, "ml", drinks))

        for e in s.electrolytes {
            var notes: [String] = []
            if e.targetMilligrams == nil { notes.append("no target") }
            if let cap = e.capMilligrams {
                notes.append(e.capExceeded ? "above the daily cap of \(cap) mg" : "cap \(cap) mg")
            }
            rows.append((capitalized(e.electrolyte.rawValue), e.milligrams, e.targetMilligrams, "mg", notes.joined(separator: ", ")))
        }
        if isTerminal {
            let noteWidth = rows.map { $0.note.isEmpty ? 0 : $0.note.count + 2 }.max() ?? 0
            barWidth = min(30, width - fixedWidth - 2 - noteWidth)
            if barWidth < 10 {
                notesBelow = noteWidth > 0
                barWidth = min(30, width - fixedWidth - 2)
                if barWidth < 6 { barWidth = 0 }
            }
        }
        lines += rows.flatMap(progress)

        let due = s.stillDue.map { p in
            DiaryTimeFormat.clock(p.due, in: zone) + "  " + p.reminderID + (p.amountText.map { " (\($0))" } ?? "")
        }
        if isToday { lines += labelled("Still due", due, empty: "nothing more today") }

        let cramps = s.cramps.map { c in
            var parts = [c.muscle ?? "cramp", "severity \(c.severity)"]
            if c.atNight { parts.append("at night") }
            return DiaryTimeFormat.clock(c.time, in: zone) + "  " + parts.joined(separator: ", ")
        }
        lines += labelled("Cramps", cramps, empty: isToday ? "none today" : "none that day")
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
