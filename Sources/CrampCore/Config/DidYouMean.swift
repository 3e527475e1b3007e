/// Suggestions for misspelled names: "did you mean …".
public enum DidYouMean {
    /// The closest candidate within a small edit distance, or `nil`.
    /// Allows one edit per two characters (at least one, at most three),
    /// so "evry" finds "every" and "hydrate" "hydration", but "at" does not find "id".
    /// A word naming a cap ("max") is matched only against caps.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let length = word.unicodeScalars.count
        let limit = max(1, min(3, length / 2))
        // Lengths further apart than the limit cannot be within it: a 10 MB key costs one count.
        let near = candidates.filter { abs($0.unicodeScalars.count - length) <= limit }
        guard !near.isEmpty else { return nil }
        let lowered = word.lowercased()
        // A safety cap is never turned into a target: "magnesium_max" suggests only caps.
        let isCap = lowered.contains("max")
        var best: (name: String, distance: Int)?
        for candidate in near where !isCap || candidate.contains("max") {
            let distance = editDistance(lowered, candidate)
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// "; did you mean \"every\"?" or "".
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions
    /// and swaps of two neighbours each cost one ("mangesium" is one away).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
