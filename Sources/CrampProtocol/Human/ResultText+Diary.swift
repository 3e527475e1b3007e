import CrampCore

extension ResultText {
    /// `crampd ctl drink|take|cramp|undo|today|stats|export|report` (the report as HTML). Today's times are shown in the
    /// diary's zone (the daemon's), which the summary names, so "today" means the same day.
    static func diary(_ result: ControlResult, now: Instant, zone: Zone, zones: TZDatabase, terminalWidth: Int?, glyphs: BlockBar.Glyphs) -> String {
        switch result {
        case .diary(let change):
            // The cramp insight is advice the person should see where they typed, not only in the journal.
            return change.summary + "\n" + (change.insight.map { "\n" + $0 + "\n" } ?? "")
        case .today(let summary):
            let diaryZone = (try? Zone.named(summary.zoneName, in: zones)) ?? zone
            return TodayRenderer.render(summary, zone: diaryZone, isTerminal: terminalWidth != nil, width: terminalWidth ?? 80,
                                        glyphs: glyphs, isToday: summary.date == LocalDay.date(of: now, in: diaryZone))
        case .stats(let stats):
            return StatsRenderer.render(stats, isTerminal: terminalWidth != nil, width: terminalWidth ?? 80, glyphs: glyphs)
        case .export(let export):
            if let csv = export.csv { return csv }
            if let ics = export.ics { return ics }
            return export.document.map { String(decoding: WireCoding.line($0), as: UTF8.self) } ?? ""
        case .report(let report):
            return ReportHTML.render(report)
        case .imported(let r):
            guard r.committed else { return "Staged \(r.staged) records.\n" }
            return "Imported \(r.added) \(r.added == 1 ? "record" : "records"); \(r.alreadyPresent) already in the diary.\n"
        case .stock(let stock):
            let lines = stock.supplies.isEmpty ? ["No supplies: add one to the config, like [supply.magnesium] units = 60, mg_per_unit = 200"]
                : stock.supplies.map(\.summary)
            return (stock.summary.map { [$0] } ?? []).joined() + (stock.summary == nil ? "" : "\n") + lines.joined(separator: "\n") + "\n"
        default:
            preconditionFailure("BUG: ResultText.diary called for \(result.name)")
        }
    }
}
