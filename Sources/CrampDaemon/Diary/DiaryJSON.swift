import FoundationEssentials

/// JSON for the diary's Codable values (`DiaryExport`, `TodaySummary`, `DiaryStats`): sorted keys
/// so output is stable for scripts and tests, pretty-printed for people reading an export.
public enum DiaryJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws(DiaryStoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw DiaryStoreError(action: "encode \(T.self) as JSON", cause: "\(error)")
        }
    }
}
