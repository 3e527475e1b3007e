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
        return "\(value * 100 / goal)%"
    }
}
