/// Horizontal bars for terminals, drawn in eighths of a cell with Unicode block characters.
public enum BlockBar {
    /// Partial cells from 1/8 to 7/8.
    static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    static let full: Character = "█"

    /// A bar of exactly `width` cells (padded with spaces) showing `value` out of `scale`,
    /// rounded to the nearest eighth and clamped to the full width.
    public static func draw(value: Int, scale: Int, width: Int) -> String {
        guard width > 0 else { return "" }
        let eighths = scale <= 0 ? 0 : min(width * 8, (max(value, 0) * width * 8 + scale / 2) / scale)
        var bar = String(repeating: full, count: eighths / 8)
        if eighths % 8 > 0 { bar.append(partials[eighths % 8 - 1]) }
        return bar + String(repeating: " ", count: width - bar.count)
    }

    /// The goal marker drawn in the empty part of a bar that falls short of it.
    static let goalMarker: Character = "┆"

    /// `draw(value:scale:width:)` with `goalMarker` in the cell where `goal` falls, when the
    /// bar does not reach that far.
    public static func draw(value: Int, scale: Int, width: Int, goal: Int?) -> String {
        var cells = Array(draw(value: value, scale: scale, width: width))
        if let goal, scale > 0, width > 0 {
            let cell = min(width - 1, max(0, goal * width / scale))
            if cells[cell] == " " { cells[cell] = goalMarker }
        }
        return String(cells)
    }
}
