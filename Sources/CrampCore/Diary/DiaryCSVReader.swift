/// `crampd ctl import` of a CSV export (`DiaryCSV`): the RFC 4180 table back into records.
///
/// Columns are found by their header name, so a file with the columns in another order (or an
/// older export without `id`) reads the same. A leading `'` that `DiaryCSV.inert` put before a
/// cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is taken off again. Times are
/// local wall-clock times with the `utc_offset` beside them; `due` is read with the same offset
/// (the JSON export is exact where a due time and its event straddle a DST change).
public enum DiaryCSVReader {
    /// The records of `bytes`, each with its place, or the first problem located.
    public static func records(_ bytes: [UInt8]) throws(ImportFileError) -> [LocatedImportRecord] {
        let rows = try table(bytes)
        guard let header = rows.first else { throw ImportFileError(line: 1, column: 1, message: "expected a header line, got an empty file") }
        var index: [String: Int] = [:]
        for (i, name) in header.cells.enumerated() { index[name.text] = i }
        for required in ["type", "time", "utc_offset"] where index[required] == nil {
            throw ImportFileError(line: header.line, column: 1,
                                  message: "expected a \"\(required)\" column in the header (\(DiaryCSV.columns.joined(separator: ","))), got \(header.cells.map(\.text).joined(separator: ","))")
        }
        var records: [LocatedImportRecord] = []
        records.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            if row.cells.count == 1 && row.cells[0].text.isEmpty { continue }  // a blank line
            records.append(try record(row, index))
        }
        return records
    }

    private static func record(_ row: Row, _ index: [String: Int]) throws(ImportFileError) -> LocatedImportRecord {
        func cell(_ name: String) -> Cell? { index[name].flatMap { $0 < row.cells.count ? row.cells[$0] : nil } }
        func fail(_ name: String, _ message: String) -> ImportFileError {
            ImportFileError(line: cell(name)?.line ?? row.line, column: cell(name)?.column ?? 1, message: message)
        }
        func text(_ name: String) -> String? {
            guard let t = cell(name)?.text, !t.isEmpty else { return nil }
            return uninert(t)
        }
        func number(_ name: String) throws(ImportFileError) -> Int {
            let t = cell(name)?.text ?? ""
            guard let n = Int(t) else { throw fail(name, "expected a whole number for \"\(name)\", got \"\(t)\"") }
            return n
        }
        func unit(_ want: String) throws(ImportFileError) {
            let t = cell("unit")?.text ?? ""
            guard t == want || t.isEmpty else { throw fail("unit", "expected unit \"\(want)\", got \"\(t)\"") }
        }
        let offsetText = cell("utc_offset")?.text ?? ""
        guard let offset = offsetSeconds(offsetText) else {
            throw fail("utc_offset", "expected a UTC offset like \"+01:00\", got \"\(offsetText)\"")
        }
        func instant(_ name: String) throws(ImportFileError) -> Instant {
            let t = cell(name)?.text ?? ""
            guard let local = LocalTimeText.localDateTime(t) else {
                throw fail(name, "expected a local time like \"2026-11-25 14:03:07\" for \"\(name)\", got \"\(t)\"")
            }
            return Instant(microseconds: (local.date.daysSinceEpoch * 86_400 + Int64(local.time.hour * 3600 + local.time.minute * 60 + local.time.second)
                                          - Int64(offset)) * 1_000_000)
        }
        let time = try instant("time")
        let type = cell("type")?.text ?? ""
        let content: DiaryImportRecord.Content
        switch type {
        case "drink":
            try unit("ml")
            content = .drink(Drink(milliliters: try number("amount"), time: time, note: text("note")))
        case "dose":
            try unit("mg")
            let name = cell("electrolyte")?.text ?? ""
            guard let electrolyte = Electrolyte(rawValue: name) else {
                throw fail("electrolyte", DiaryValidationError.unknownElectrolyte(name).message)
            }
            content = .dose(Dose(electrolyte: electrolyte, milligrams: try number("amount"), time: time))
        case "cramp":
            let night = cell("night")?.text ?? ""
            guard night == "yes" || night == "no" else { throw fail("night", "expected \"yes\" or \"no\" for \"night\", got \"\(night)\"") }
            content = .cramp(Cramp(time: time, muscle: text("muscle"), severity: try number("severity"), note: text("note"), atNight: night == "yes"))
        case "reminder":
            let eventText = cell("event")?.text ?? ""
            guard let event = ReminderEventRecord.Kind(rawValue: eventText) else {
                throw fail("event", "expected one of \(ReminderEventRecord.Kind.allCases.map(\.rawValue).joined(separator: ", ")) for \"event\", got \"\(eventText)\"")
            }
            let due = (cell("due")?.text ?? "").isEmpty ? nil : try instant("due")
            content = .reminderEvent(ReminderEventRecord(reminderID: text("reminder") ?? "", event: event, planned: due, actual: time))
        default:
            throw fail("type", "expected a type of drink, dose, cramp or reminder, got \"\(type)\"")
        }
        var record = DiaryImportRecord(content)
        // An older export has no id: the derived one stands; a given one is checked against it.
        if let given = cell("id")?.text, !given.isEmpty { record.id = given }
        return LocatedImportRecord(record: record, line: row.line, column: 1)
    }

    /// The cell as it was before `DiaryCSV.inert`.
    static func uninert(_ text: String) -> String {
        guard text.hasPrefix("'"), let second = text.unicodeScalars.dropFirst().first, "=+-@\t\r".unicodeScalars.contains(second) else {
            return text
        }
        return String(text.dropFirst())
    }

    /// "+01:00" → 3600, "-03:30" → -12600.
    static func offsetSeconds(_ text: String) -> Int? {
        let u = Array(text.utf8)
        guard u.count == 6, u[0] == UInt8(ascii: "+") || u[0] == UInt8(ascii: "-"), u[3] == UInt8(ascii: ":"),
              let h = Int(String(decoding: u[1...2], as: UTF8.self)), let m = Int(String(decoding: u[4...5], as: UTF8.self)),
              (0...18).contains(h), (0...59).contains(m) else { return nil }
        return (u[0] == UInt8(ascii: "-") ? -1 : 1) * (h * 3600 + m * 60)
    }

    // MARK: RFC 4180

    struct Cell { var text: String; var line: Int; var column: Int }
    struct Row { var cells: [Cell]; var line: Int }

    /// The rows of an RFC 4180 file: CRLF or LF line ends, quoted fields with doubled quotes
    /// (a quoted field may span lines). Each cell keeps where it starts.
    static func table(_ bytes: [UInt8]) throws(ImportFileError) -> [Row] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var rows: [Row] = []
        var cells: [Cell] = []
        var field: [UInt8] = []
        var line = 1, lineStart = 0, i = 0
        var rowLine = 1, cellLine = 1, cellColumn = 1
        func endCell() { cells.append(Cell(text: String(decoding: field, as: UTF8.self), line: cellLine, column: cellColumn)); field = [] }
        var atCellStart = true
        while i < bytes.count {
            let b = bytes[i]
            if atCellStart { cellLine = line; cellColumn = i - lineStart + 1; atCellStart = false }
            if b == quote && field.isEmpty && (i == 0 || [comma, lf, cr].contains(bytes[i - 1])) {
                // A quoted field, up to the lone closing quote.
                let openLine = line, openColumn = i - lineStart + 1
                i += 1
                while true {
                    guard i < bytes.count else {
                        throw ImportFileError(line: openLine, column: openColumn, message: "expected a closing '\"' for this field, got the end of the file")
                    }
                    if bytes[i] == quote {
                        if i + 1 < bytes.count && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                        i += 1; break
                    }
                    if bytes[i] == lf { line += 1; lineStart = i + 1 }
                    field.append(bytes[i]); i += 1
                }
                if i < bytes.count, ![comma, cr, lf].contains(bytes[i]) {
                    throw ImportFileError(line: line, column: i - lineStart + 1,
                                          message: "expected ',' or the end of the line after a quoted field, got '\(String(decoding: [bytes[i]], as: UTF8.self))'")
                }
                continue
            }
            switch b {
            case comma:
                endCell(); atCellStart = true; i += 1
            case cr where i + 1 < bytes.count && bytes[i + 1] == lf, lf:
                endCell(); rows.append(Row(cells: cells, line: rowLine)); cells = []
                i += b == cr ? 2 : 1
                line += 1; lineStart = i; rowLine = line; atCellStart = true
            default:
                field.append(b); i += 1
            }
        }
        if !field.isEmpty || !cells.isEmpty { endCell(); rows.append(Row(cells: cells, line: rowLine)) }
        return rows
    }
}
