import CrampCore
import SQLite

/// How a drink, dose or cramp maps to a row of the `entry` table and back.
struct DiaryEntryRow {
    var kind: String
    var parameters: [SQLiteValue]

    /// The column list every entry query selects, in the order `entry(from:)` reads.
    static let columns = "id, kind, time_usec, amount, electrolyte, muscle, severity, at_night, note"

    /// Parameters for (kind, time_usec, amount, electrolyte, muscle, severity, at_night, note).
    init(_ entry: DiaryEntry) {
        switch entry {
        case .drink(let d):
            kind = "drink"
            parameters = [.text(kind), .integer(d.time.microseconds), SQLiteValue(d.milliliters), nil, nil, nil, nil, SQLiteValue(d.note)]
        case .dose(let d):
            kind = "dose"
            parameters = [.text(kind), .integer(d.time.microseconds), SQLiteValue(d.milligrams), .text(d.electrolyte.rawValue), nil, nil, nil, nil]
        case .cramp(let c):
            kind = "cramp"
            parameters = [.text(kind), .integer(c.time.microseconds), nil, nil, SQLiteValue(c.muscle), SQLiteValue(c.severity),
                          SQLiteValue(c.atNight), SQLiteValue(c.note)]
        }
    }

    /// The entry in the current row of a statement that selected `columns`.
    static func entry(from s: Statement) throws(SQLiteError) -> DiaryEntry {
        let time = Instant(microseconds: s.int64(at: 2))
        switch s.string(at: 1) {
        case "drink":
            return .drink(Drink(milliliters: s.int(at: 3), time: time, note: s.string(at: 8)))
        case "dose":
            let name = s.string(at: 4) ?? ""
            guard let electrolyte = Electrolyte(rawValue: name) else { throw unreadable("electrolyte \"\(name)\"") }
            return .dose(Dose(electrolyte: electrolyte, milligrams: s.int(at: 3), time: time))
        case "cramp":
            return .cramp(Cramp(time: time, muscle: s.string(at: 5), severity: s.int(at: 6), note: s.string(at: 8), atNight: s.int(at: 7) != 0))
        case let other:
            throw unreadable("entry kind \"\(other ?? "NULL")\"")
        }
    }

    /// A value only a newer crampd could have written; reported like a constraint failure.
    static func unreadable(_ what: String) -> SQLiteError {
        SQLiteError(action: "read diary", function: "decode row", code: 19 /* SQLITE_CONSTRAINT */, message: "unknown \(what); written by a newer crampd?")
    }
}
