/// Horizontal bars for terminals: in eighths of a cell with Unicode block characters, or in
/// whole cells of `#` where the terminal's character set is not UTF-8.
public enum BlockBar {
    /// The characters a bar and its marks are drawn with.
    public struct Glyphs: Sendable, Equatable {
        /// Partial cells from the smallest step up (1/8 … 7/8 for Unicode; none in ASCII).
        let partials: [Character]
        let full: Character
        /// Drawn in the empty part of a bar that falls short of the goal.
        let goalMarker: Character
        /// Two cells after a day that met its goal.
        public let goalMet: String

        public static let unicode = Glyphs(partials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], full: "█", goalMarker: "┆", goalMet: " ✓")
        public static let ascii = Glyphs(partials: [], full: "#", goalMarker: "|", goalMet: " *")
    }

    /// A bar of exactly `width` cells (padded with spaces) showing `value` out of `scale`,
    /// rounded to the nearest step (an eighth, or a cell in ASCII) and clamped to the full width.
    public static func draw(value: Int, scale: Int, width: Int, glyphs: Glyphs = .unicode) -> String {
        guard width > 0 else { return "" }
        let steps = glyphs.partials.count + 1
        let filled = scale <= 0 ? 0 : share(value, of: scale, in: width * steps, roundingToNearest: true)
        var bar = String(repeating: glyphs.full, count: filled / steps)
        if filled % steps > 0 { bar.append(glyphs.partials[filled % steps - 1]) }
        return bar + String(repeating: " ", count: width - bar.count)
    }

    /// `draw(value:scale:width:)` with the goal marker in the cell where `goal` falls, when the
    /// bar does not reach that far.
    public static func draw(value: Int, scale: Int, width: Int, goal: Int?, glyphs: Glyphs = .unicode) -> String {
        var cells = Array(draw(value: value, scale: scale, width: width, glyphs: glyphs))
        if let goal, scale > 0, width > 0 {
            let cell = min(width - 1, share(goal, of: scale, in: width, roundingToNearest: false))
            if cells[cell] == " " { cells[cell] = glyphs.goalMarker }
        }
        return String(cells)
    }

    /// `value` (clamped to `0...scale`) out of `scale`, in `units` parts: rounded half up or
    /// down. In double width, so no amount a response carries can overflow (`scale > 0`).
    static func share(_ value: Int, of scale: Int, in units: Int, roundingToNearest: Bool) -> Int {
        let (quotient, remainder) = scale.dividingFullWidth(min(max(value, 0), scale).multipliedFullWidth(by: units))
        return roundingToNearest && remainder >= scale - remainder ? quotient + 1 : quotient
    }
}
