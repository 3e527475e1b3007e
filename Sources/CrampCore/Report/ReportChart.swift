/// The report's inline SVG charts: one bar (or stack of bars) per day, with reference lines
/// (goal, target, cap), and the cramp timeline (day against time of day). Pure geometry.
public enum ReportChart {
    /// One layer of a stacked bar: a value per day.
    public struct Series: Sendable {
        public var name: String
        public var cssClass: String
        public var values: [Int]
        public init(name: String, cssClass: String, values: [Int]) { self.name = name; self.cssClass = cssClass; self.values = values }
    }

    /// A horizontal line across the chart: "goal 2000 ml".
    public struct Line: Sendable {
        public var label: String
        public var value: Int
        public var cssClass: String
        public init(label: String, value: Int, cssClass: String) { self.label = label; self.value = value; self.cssClass = cssClass }
    }

    static let width = 760.0, height = 170.0, left = 48.0, right = 8.0, top = 8.0, bottom = 22.0
    static var plotWidth: Double { width - left - right }
    static var plotHeight: Double { height - top - bottom }

    /// Bars per day, stacked in `series` order, with `lines` drawn over them.
    public static func bars(label: String, unit: String, dates: [CivilDate], series: [Series], lines: [Line]) -> Markup {
        let totals = dates.indices.map { i in series.reduce(0) { $0 + ($1.values.indices.contains(i) ? $1.values[i] : 0) } }
        let top = Double(max(1, (totals + lines.map(\.value)).max() ?? 1)) * 1.1
        func y(_ v: Double) -> Double { Self.top + plotHeight * (1 - v / top) }
        let slot = plotWidth / Double(max(1, dates.count))
        var parts: [Markup] = axes(dates: dates, slot: slot)
        parts.append(yLabel(y: y(0), text: "0"))
        for (i, date) in dates.enumerated() {
            var base = 0
            for s in series {
                let v = s.values.indices.contains(i) ? s.values[i] : 0
                guard v > 0 else { continue }
                let y0 = y(Double(base)), y1 = y(Double(base + v))
                parts.append(.el("rect", ["class": s.cssClass, "x": n(left + Double(i) * slot + slot * 0.15), "y": n(y1),
                                          "width": n(max(0.5, slot * 0.7)), "height": n(y0 - y1)],
                                 [.el("title", text: "\(date.isoText): \(s.name) \(v)\(unit.isEmpty ? "" : " " + unit)")]))
                base += v
            }
        }
        for line in lines {
            let ly = y(Double(line.value))
            parts.append(.el("line", ["class": line.cssClass, "x1": n(left), "x2": n(width - right), "y1": n(ly), "y2": n(ly)]))
            parts.append(yLabel(y: ly, text: "\(line.value)"))
            parts.append(.el("text", ["class": "line-label " + line.cssClass, "x": n(width - right - 2), "y": n(ly - 3),
                                      "text-anchor": "end"], text: line.label))
        }
        return svg(label: label, parts)
    }

    /// Every cramp as a dot at (its day, its local time of day), radius by severity; the night
    /// hours are shaded, and night cramps drawn in their own class.
    public static func crampTimeline(label: String, dates: [CivilDate], cramps: [DiaryReport.CrampLine], night: NightHours) -> Markup {
        let slot = plotWidth / Double(max(1, dates.count))
        func y(minute: Int) -> Double { top + plotHeight * Double(minute) / 1440 }
        let start = night.window.start.hour * 60 + night.window.start.minute
        let end = night.window.end.hour * 60 + night.window.end.minute
        let bands = start < end ? [(start, end)] : [(0, end), (start, 1440)]
        var parts: [Markup] = bands.map { band in
            .el("rect", ["class": "night", "x": n(left), "y": n(y(minute: band.0)), "width": n(plotWidth),
                         "height": n(y(minute: band.1) - y(minute: band.0))])
        }
        parts += axes(dates: dates, slot: slot)
        for hour in stride(from: 0, through: 24, by: 6) {
            parts.append(yLabel(y: y(minute: hour * 60), text: (hour < 10 ? "0" : "") + "\(hour):00"))
        }
        let first = dates.first?.daysSinceEpoch ?? 0
        for c in cramps {
            let i = Double(c.date.daysSinceEpoch - first)
            let what = "\(c.date.isoText) \(c.clock)" + (c.atNight ? " (night)" : "") + ": " + (c.muscle ?? "cramp") + ", severity \(c.severity)/10"
            parts.append(.el("circle", ["class": c.atNight ? "cramp at-night" : "cramp", "cx": n(left + (i + 0.5) * slot),
                                        "cy": n(y(minute: c.minuteOfDay)), "r": n(2.5 + Double(c.severity) * 0.6)],
                             [.el("title", text: what)]))
        }
        return svg(label: label, parts)
    }

    static func svg(label: String, _ parts: [Markup]) -> Markup {
        .el("svg", ["class": "chart", "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(n(width)) \(n(height))",
                    "role": "img", "aria-label": label], parts)
    }

    /// The frame and a date label under every few days (at most about 12).
    static func axes(dates: [CivilDate], slot: Double) -> [Markup] {
        var parts: [Markup] = [.el("rect", ["class": "frame", "x": n(left), "y": n(top), "width": n(plotWidth), "height": n(plotHeight)])]
        let every = max(1, (dates.count + 11) / 12)
        for (i, date) in dates.enumerated() where i % every == 0 {
            parts.append(.el("text", ["class": "x-label", "x": n(left + (Double(i) + 0.5) * slot), "y": n(height - 6),
                                      "text-anchor": "middle"],
                             text: DiaryTimeFormat.pad(date.month, 2) + "-" + DiaryTimeFormat.pad(date.day, 2)))
        }
        return parts
    }

    static func yLabel(y: Double, text: String) -> Markup {
        .el("text", ["class": "y-label", "x": n(left - 4), "y": n(y + 4), "text-anchor": "end"], text: text)
    }

    static func n(_ x: Double) -> String { Markup.number(x) }
}
