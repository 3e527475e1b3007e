/// `crampd ctl report`: the diary report as one self-contained HTML page (inline CSS and SVG,
/// nothing fetched), readable on screen and printed on A4 or Letter. Built as a `Markup` tree,
/// so every text from the diary or the config is escaped.
public enum ReportHTML {
    public static let disclaimer = "Educational, not medical advice: this report shows what was logged in crampd, "
        + "a pattern in your own log, not a diagnosis."
    public static let seeADoctor = "See a doctor when cramps are severe, persistent, or come with weakness or numbness."

    public static func render(_ report: DiaryReport, nightHours: NightHours = .default) -> String {
        let dates = report.stats.days.map(\.date)
        let days = report.stats.days
        let title = "crampd diary report \(report.since.isoText) to \(report.until.isoText)"
        var body: [Markup] = [
            .el("h1", text: "Diary report"),
            .el("p", ["class": "span"], text: "\(report.since.isoText) to \(report.until.isoText) (\(dates.count) days), "
                + "times in \(report.zoneName). Logged with crampd."),
            .el("div", ["class": "notice"], [.el("p", text: disclaimer), .el("p", [.el("strong", text: seeADoctor)])]),
            summary(report),
        ]
        let goal = report.stats.waterGoalMilliliters
        body.append(section("Water per day", [
            ReportChart.bars(label: "Water per day in ml" + (goal.map { ", goal \($0) ml" } ?? ""), unit: "ml", dates: dates,
                             series: [.init(name: "water", cssClass: "water", values: days.map(\.waterMilliliters))],
                             lines: goal.map { [.init(label: "goal \($0) ml", value: $0, cssClass: "goal")] } ?? []),
        ]))
        var electrolytes: [Markup] = []
        for e in report.stats.electrolytes {
            let values = days.map { day in day.electrolytes.first { $0.electrolyte == e.electrolyte }?.milligrams ?? 0 }
            var lines: [ReportChart.Line] = []
            if let t = e.targetMilligrams { lines.append(.init(label: "target \(t) mg", value: t, cssClass: "goal")) }
            if let c = e.capMilligrams { lines.append(.init(label: "cap \(c) mg", value: c, cssClass: "cap")) }
            electrolytes.append(.el("h3", text: e.electrolyte.rawValue.prefix(1).uppercased() + e.electrolyte.rawValue.dropFirst()))
            electrolytes.append(ReportChart.bars(label: "\(e.electrolyte.rawValue) per day in mg", unit: "mg", dates: dates,
                                                 series: [.init(name: e.electrolyte.rawValue, cssClass: "dose", values: values)],
                                                 lines: lines))
        }
        if electrolytes.isEmpty { electrolytes = [.el("p", text: "No electrolyte targets, caps or doses in this span.")] }
        body.append(section("Electrolytes per day", electrolytes))
        body.append(section("Reminders per day", [
            legend([("done", "done"), ("snoozed", "snoozed"), ("skipped", "skipped"), ("missed", "missed")]),
            ReportChart.bars(label: "Reminders per day: done, snoozed, skipped, missed", unit: "", dates: dates, series: [
                .init(name: "done", cssClass: "done", values: days.map(\.reminders.done)),
                .init(name: "snoozed", cssClass: "snoozed", values: report.snoozedPerDay),
                .init(name: "skipped", cssClass: "skipped", values: days.map(\.reminders.skipped)),
                .init(name: "missed", cssClass: "missed", values: days.map(\.reminders.missed)),
            ], lines: []),
        ]))
        body.append(section("Cramps", cramps(report, dates: dates, nightHours: nightHours)))
        body.append(section("Patterns in your log", patterns(report.patterns)))
        body.append(section("Notes", notes(report)))
        body.append(.el("p", ["class": "footer"], text: disclaimer + " " + seeADoctor))
        return Markup.document(.el("html", ["lang": "en"], [
            .el("head", [
                .el("meta", ["charset": "utf-8"]),
                .el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                .el("title", text: title),
                .el("style", [.styleSheet(styleSheet)]),
            ]),
            .el("body", [.el("main", body)]),
        ]))
    }

    static func summary(_ r: DiaryReport) -> Markup {
        let s = r.stats
        var items: [String] = []
        if let goal = s.waterGoalMilliliters {
            items.append("Water goal (\(goal) ml) met on \(s.daysGoalMet) of \(s.days.count) days; average \(s.averageWaterMilliliters) ml a day.")
        } else {
            items.append("Average water \(s.averageWaterMilliliters) ml a day (no goal set).")
        }
        let a = s.adherence
        items.append("Reminders: \(a.due) due, \(a.done) done" + (a.percent.map { " (\($0)%)" } ?? "")
                     + ", \(r.snoozedPerDay.reduce(0, +)) snoozed, \(a.skipped) skipped, \(a.missed) missed.")
        items.append("Cramps: \(s.cramps), of which \(s.nightCramps) at night.")
        return .el("ul", ["class": "summary"], items.map { .el("li", text: $0) })
    }

    static func cramps(_ r: DiaryReport, dates: [CivilDate], nightHours: NightHours) -> [Markup] {
        guard !r.cramps.isEmpty else { return [.el("p", text: "No cramps logged in this span.")] }
        let w = nightHours.window
        let nightText = "night (\(DiaryTimeFormat.pad(w.start.hour, 2)):\(DiaryTimeFormat.pad(w.start.minute, 2))"
            + "–\(DiaryTimeFormat.pad(w.end.hour, 2)):\(DiaryTimeFormat.pad(w.end.minute, 2)), shaded)"
        var rows: [Markup] = [.el("tr", ["Date", "Time", "When", "Muscle", "Severity", "Note"].map { .el("th", text: $0) })]
        for c in r.cramps {
            rows.append(.el("tr", c.atNight ? ["class": "at-night"] : [:], [
                .el("td", text: c.date.isoText), .el("td", text: c.clock), .el("td", text: c.atNight ? "night" : "day"),
                .el("td", text: c.muscle ?? "—"), .el("td", text: "\(c.severity)/10"), .el("td", text: c.note ?? ""),
            ]))
        }
        var parts: [Markup] = [
            legend([("cramp", "day"), ("cramp at-night", "at night"), ("night", nightText)]),
            ReportChart.crampTimeline(label: "Cramps by day and time of day", dates: dates, cramps: r.cramps, night: nightHours),
            .el("table", ["class": "cramps"], rows),
        ]
        if r.crampsNotListed > 0 { parts.append(.el("p", text: "and \(r.crampsNotListed) more cramps not listed.")) }
        return parts
    }

    static func patterns(_ p: CrampPatterns) -> [Markup] {
        [.el("p", text: "The 24 hours before each cramp, side by side with cramp-free days (whole days with no cramp "
                + "in them or in the 24 hours after). Counts, not conclusions."),
         .el("ul", ["class": "patterns"], p.lines().map { .el("li", text: $0) }),
         .el("p", ["class": "small"], text: CrampPatterns.wording)]
    }

    static func notes(_ r: DiaryReport) -> [Markup] {
        guard !r.notes.isEmpty else { return [.el("p", text: "No notes in this span.")] }
        var rows: [Markup] = [.el("tr", ["Time", "With", "Note"].map { .el("th", text: $0) })]
        for note in r.notes {
            rows.append(.el("tr", [.el("td", text: note.time), .el("td", text: note.about), .el("td", text: note.text)]))
        }
        var parts: [Markup] = [.el("table", ["class": "notes"], rows)]
        if r.notesNotListed > 0 { parts.append(.el("p", text: "and \(r.notesNotListed) more notes not listed.")) }
        return parts
    }

    static func section(_ heading: String, _ content: [Markup]) -> Markup {
        .el("section", [.el("h2", text: heading)] + content)
    }

    static func legend(_ entries: [(cssClass: String, text: String)]) -> Markup {
        .el("p", ["class": "legend"], entries.map { entry in
            .el("span", [.el("svg", ["class": "key", "viewBox": "0 0 10 10", "width": "10", "height": "10"],
                             [.el("rect", ["class": entry.cssClass, "width": "10", "height": "10"])]), .text(" " + entry.text)])
        })
    }

    static let styleSheet: StaticString = """
        body { font: 14px/1.4 system-ui, sans-serif; color: #222; margin: 0; background: #fff; }
        main { max-width: 800px; margin: 0 auto; padding: 16px 20px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 18px 0 6px; border-bottom: 1px solid #ccc; }
        h3 { font-size: 14px; margin: 8px 0 2px; }
        .span { color: #555; margin: 0 0 8px; }
        .notice { border: 2px solid #b35c00; background: #fff4e5; padding: 4px 12px; border-radius: 4px; }
        .notice p { margin: 6px 0; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg.key { vertical-align: -1px; }
        .legend { margin: 2px 0; font-size: 12px; } .legend span { margin-right: 14px; }
        .frame { fill: none; stroke: #bbb; stroke-width: 1; }
        .x-label, .y-label, .line-label { font-size: 10px; fill: #555; }
        .line-label { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
        .water { fill: #3b82c4; } .dose { fill: #7a5bb5; }
        line.goal { stroke: #1b8a3a; stroke-width: 1.5; stroke-dasharray: 6 3; } .line-label.goal { fill: #1b8a3a; }
        line.cap { stroke: #c62828; stroke-width: 1.5; } .line-label.cap { fill: #c62828; }
        .done { fill: #2e9d4f; } .snoozed { fill: #e0b21b; } .skipped { fill: #9e9e9e; } .missed { fill: #d9442b; }
        .night { fill: #dfe3f3; } .cramp { fill: #e07b1f; stroke: #7a3d00; } .cramp.at-night { fill: #27307a; stroke: #0d1240; }
        table { border-collapse: collapse; width: 100%; font-size: 12px; margin-top: 6px; }
        th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
        tr.at-night td:nth-child(3) { font-weight: bold; color: #27307a; }
        .footer, .small { color: #555; font-size: 12px; }
        .footer { margin-top: 18px; }
        @page { margin: 14mm; }
        @media print {
          body { font-size: 10pt; } main { max-width: none; padding: 0; }
          section { break-inside: avoid; } tr { break-inside: avoid; }
          .notice { background: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
