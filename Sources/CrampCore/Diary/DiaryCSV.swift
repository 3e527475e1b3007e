/// `crampd ctl export --csv`: every record as one CSV table (RFC 4180: CRLF line ends, fields with
/// a comma, quote, CR or LF quoted, quotes doubled), for a spreadsheet or a doctor.
///
/// One row per record, all kinds in time order; a column that does not apply to a kind is empty.
/// `time` and `due` (the occurrence's planned time) are local wall-clock times ("2026-11-25 14:03:07", which spreadsheets read
/// as dates) with the UTC offset in force at `time` beside it, so rows stay exact across DST.
/// Free text (note, muscle, reminder id) that a spreadsheet would run as a formula is written as
/// text (`inert`). `id` is the record's stable id (`DiaryRecordID`), what `crampd ctl import` matches.
public enum DiaryCSV {
    public static let columns = ["type", "time", "utc_offset", "amount", "unit", "electrolyte", "muscle", "severity",
                                 "night", "reminder", "event", "due", "note", "id"]

    public static func render(_ records: DiaryRecords, zone: Zone) -> String {
        // Column positions, named once.
        let type = 0, time = 1, offset = 2, amount = 3, unit = 4, electrolyte = 5, muscle = 6, severity = 7, night = 8,
            reminder = 9, event = 10, planned = 11, note = 12, id = 13
        var rows: [(time: Instant, order: Int, cells: [String])] = []
        rows.reserveCapacity(records.drinks.count + records.doses.count + records.cramps.count + records.reminderEvents.count)
        func row(_ kind: String, _ t: Instant, _ content: DiaryImportRecord.Content) -> [String] {
            var cells = [String](repeating: "", count: columns.count)
            cells[type] = kind
            cells[id] = DiaryRecordID.of(content)
            cells[time] = DiaryTimeFormat.spreadsheet(t, in: zone)
            cells[offset] = DiaryTimeFormat.offset(zone.offsetSeconds(at: t))
            return cells
        }
        for d in records.drinks {
            var c = row("drink", d.time, .drink(d))
            c[amount] = String(d.milliliters); c[unit] = "ml"; c[note] = inert(d.note ?? "")
            rows.append((d.time, 0, c))
        }
        for d in records.doses {
            var c = row("dose", d.time, .dose(d))
            c[amount] = String(d.milligrams); c[unit] = "mg"; c[electrolyte] = d.electrolyte.rawValue
            rows.append((d.time, 1, c))
        }
        for k in records.cramps {
            var c = row("cramp", k.time, .cramp(k))
            c[muscle] = inert(k.muscle ?? ""); c[severity] = String(k.severity); c[night] = k.atNight ? "yes" : "no"; c[note] = inert(k.note ?? "")
            rows.append((k.time, 2, c))
        }
        for e in records.reminderEvents {
            var c = row("reminder", e.actual, .reminderEvent(e))
            c[reminder] = inert(e.reminderID); c[event] = e.event.rawValue
            c[planned] = e.planned.map { DiaryTimeFormat.spreadsheet($0, in: zone) } ?? ""
            rows.append((e.actual, 3, c))
        }
        // In whole seconds, the precision of the `time` column, so a diary imported from this file
        // writes the same file again; a stable sort keeps each kind's own order within a second.
        let keyed = rows.map { (DiaryRecordID.wholeSeconds($0.time), $0.order, $0.cells) }
        let ordered = keyed.enumerated().sorted { ($0.element.0, $0.element.1, $0.offset) < ($1.element.0, $1.element.1, $1.offset) }
        var out = line(columns)
        for (_, row) in ordered { out += line(row.2) }
        return out
    }

    static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// A cell a spreadsheet would read as a formula (it begins with `=`, `+`, `-`, `@`, a tab or
    /// a carriage return) with a single quote in front, so it stays text (OWASP, "CSV Injection").
    public static func inert(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// A field as RFC 4180 wants it: as is, or in double quotes with inner quotes doubled.
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
