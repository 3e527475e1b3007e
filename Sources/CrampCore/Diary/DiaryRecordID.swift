/// The stable id of a diary record, as `crampd ctl export` writes it and `crampd ctl import`
/// matches it: derived from the record's content, so an export from before ids existed gets
/// the same ids when it is imported, and nothing needs to be stored.
///
/// Times count in whole seconds, the precision of the CSV export, so the CSV and the JSON
/// export of one record carry the same id. Two records with one id are "the same record":
/// import keeps as many copies of it as the larger of the diary and the file has.
public enum DiaryRecordID {
    /// "drink-1f0c…" : the kind, then 16 hex digits of a 64-bit FNV-1a hash of the content.
    public static func of(_ record: DiaryImportRecord.Content) -> String {
        let (kind, fields): (String, [String]) = switch record {
        case .drink(let d): ("drink", [seconds(d.time), String(d.milliliters), d.note ?? ""])
        case .dose(let d): ("dose", [seconds(d.time), d.electrolyte.rawValue, String(d.milligrams)])
        case .cramp(let c): ("cramp", [seconds(c.time), c.muscle ?? "", String(c.severity), c.atNight ? "1" : "0", c.note ?? ""])
        case .reminderEvent(let e):
            ("reminder", [seconds(e.actual), e.reminderID, e.event.rawValue, e.planned.map(seconds) ?? ""])
        }
        return kind + "-" + hex(fnv1a64(([kind] + fields).joined(separator: "\u{1F}")))
    }

    /// Whole seconds since the epoch (floor): the key's time.
    public static func wholeSeconds(_ t: Instant) -> Int64 {
        t.microseconds / 1_000_000 - (t.microseconds % 1_000_000 < 0 ? 1 : 0)
    }

    static func seconds(_ t: Instant) -> String { String(wholeSeconds(t)) }

    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    static func hex(_ n: UInt64) -> String {
        let digits = String(n, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
