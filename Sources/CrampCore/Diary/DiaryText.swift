/// Normalizes the free-text fields of diary entries; empty text means "none".
enum DiaryText {
    static let noteLimit = 500
    static let muscleLimit = 40

    static func note(_ text: String?) throws(DiaryValidationError) -> String? {
        guard let text = trimmed(text) else { return nil }
        guard text.count <= noteLimit else { throw .textTooLong(field: "note", length: text.count, limit: noteLimit) }
        return text
    }

    /// Lowercased so "Calf" and "calf" count as one muscle in statistics.
    static func muscle(_ text: String?) throws(DiaryValidationError) -> String? {
        guard let text = trimmed(text)?.lowercased() else { return nil }
        guard text.count <= muscleLimit else { throw .textTooLong(field: "muscle", length: text.count, limit: muscleLimit) }
        return text
    }

    private static func trimmed(_ text: String?) -> String? {
        guard let text else { return nil }
        let t = text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
        return t.isEmpty ? nil : String(t)
    }
}
