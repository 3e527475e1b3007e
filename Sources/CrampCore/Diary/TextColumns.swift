/// Padding for aligned plain-text columns (every character we print is one cell wide).
enum TextColumns {
    static func left(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }

    static func right(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }

    static func right(_ n: Int, _ width: Int) -> String { right(String(n), width) }

    /// "62%", or "" when there is nothing to compare with.
    static func percent(_ value: Int, of goal: Int?) -> String {
        guard let goal, goal > 0 else { return "" }
        let (hundredfold, overflow) = value.multipliedReportingOverflow(by: 100)
        // An amount past Int.max / 100 (only a broken or hostile response has one) is
        // shown as value / goal hundreds, which cannot overflow.
        return overflow ? "\(value / goal)00%" : "\(hundredfold / goal)%"
    }

    /// `line` within `width` cells: when it is wider, broken before the last of `separators`
    /// that makes the first part fit (the separator's leading "; " or " " dropped), the rest
    /// indented by `indent` and broken the same way. A part with no such break stays as it is.
    static func wrap(_ line: String, width: Int, indent: Int, at separators: [String] = ["; ", " ("]) -> [String] {
        guard line.count > width else { return [line] }
        let characters = Array(line)
        var best: (cut: Int, resume: Int)?
        for separator in separators {
            let pattern = Array(separator)
            for start in stride(from: min(width - 1, characters.count - pattern.count), through: 1, by: -1)
            where Array(characters[start..<start + pattern.count]) == pattern {
                let resume = start + (separator.hasPrefix(";") ? pattern.count : 1)
                if best.map({ start > $0.cut }) ?? true { best = (start + (separator.hasPrefix(";") ? 1 : 0), resume) }
                break
            }
        }
        guard let best else { return [line] }
        let rest = String(repeating: " ", count: indent) + String(characters[best.resume...])
        return [String(characters[..<best.cut])] + (rest.count < line.count ? wrap(rest, width: width, indent: indent, at: separators) : [rest])
    }
}
