import CrampCore
import FoundationEssentials

/// What `crampd ctl import FILE` reads: the JSON document of `crampd ctl export --json` or the
/// CSV of `crampd ctl export --csv` (told apart by the first byte that is not white space: `{`
/// is JSON), as records with their place in the file. The client reads and checks the file;
/// the daemon never opens a path a user names.
public enum ImportFile {
    public static func records(_ bytes: [UInt8]) throws(ImportFileError) -> [LocatedImportRecord] {
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "{") ? try json(bytes) : try DiaryCSVReader.records(bytes)
    }

    static func json(_ bytes: [UInt8]) throws(ImportFileError) -> [LocatedImportRecord] {
        do {
            _ = try bytes.withUnsafeBufferPointer { (b) throws(JSONSyntaxError) in try JSONParser.parse(b) }
        } catch {
            let got = error.offset >= 0 && error.offset < bytes.count ? "'\(String(decoding: [bytes[error.offset]], as: UTF8.self))'" : "the end of the file"
            throw ImportFileError.at(max(0, error.offset), in: bytes, "expected \(error.expected), got \(got) (not the JSON of crampd ctl export --json)")
        }
        let offsets = recordOffsets(bytes)
        func place(_ list: String, _ index: Int) -> Int { offsets[list].flatMap { index < $0.count ? $0[index] : nil } ?? 0 }
        let document: DiaryExport
        do {
            document = try WireCoding.decoder.decode(DiaryExport.self, from: Data(bytes))
        } catch let error as DecodingError {
            let path = context(of: error)?.codingPath ?? []
            let list = path.first?.stringValue ?? "", index = path.dropFirst().first?.intValue ?? 0
            throw ImportFileError.at(path.count >= 2 ? place(list, index) : 0, in: bytes, WireCoding.describe(error).replacing("the request", with: "the document"))
        } catch {
            throw ImportFileError(line: 1, column: 1, message: "expected the JSON of crampd ctl export --json, got \(error)")
        }
        guard document.format == DiaryExport.currentFormat, document.version <= DiaryExport.currentVersion else {
            throw ImportFileError(line: 1, column: 1, message: "expected format \"\(DiaryExport.currentFormat)\" version 1 to \(DiaryExport.currentVersion), got \"\(document.format)\" version \(document.version)")
        }
        let lines = LineIndex(bytes)
        return document.importRecords().map { list, index, record in
            let at = lines.place(of: place(list, index))
            return LocatedImportRecord(record: record, line: at.line, column: at.column)
        }
    }

    private static func context(of error: DecodingError) -> DecodingError.Context? {
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): c
        @unknown default: nil
        }
    }

    /// Where each object of each top-level array starts ("drinks" → [byte offsets]); the
    /// text is valid JSON already (`JSONParser`).
    static func recordOffsets(_ bytes: [UInt8]) -> [String: [Int]] {
        var offsets: [String: [Int]] = [:]
        var depth = 0, i = 0
        var lastString = "", list = ""
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                let start = i + 1
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
                if depth == 1 { lastString = String(decoding: bytes[start..<min(i, bytes.count)], as: UTF8.self) }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 1 && bytes[i] == UInt8(ascii: "[") { list = lastString }
                if depth == 2 && bytes[i] == UInt8(ascii: "{") { offsets[list, default: []].append(i) }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            default: break
            }
            i += 1
        }
        return offsets
    }
}
