/// `crampd ctl export --json`: the whole diary (or since a date) as Codable DTOs. The shell
/// encodes it; times are integers of microseconds since the epoch (like `CRAMPD_DUE_USEC`)
/// with an RFC 3339 local time beside each for people. `crampd ctl import` reads it back
/// (`records()`); `localTime` is for people only and not read.
public struct DiaryExport: Sendable, Equatable, Codable {
    public var format: String
    public var version: Int
    public var zone: String
    /// First local day included ("2026-11-01"), `nil` for everything.
    public var since: String?
    /// Last local day included ("2026-11-30"), `nil` for up to now.
    public var until: String?
    public var drinks: [DrinkRow]
    public var doses: [DoseRow]
    public var cramps: [CrampRow]
    public var reminderEvents: [ReminderEventRow]

    public static let currentFormat = "crampd-diary"
    public static let currentVersion = 1

    public init(records: DiaryRecords, zone: Zone, since: CivilDate? = nil, until: CivilDate? = nil) {
        func local(_ t: Instant) -> String { DiaryTimeFormat.rfc3339(t, in: zone) }
        format = Self.currentFormat
        version = Self.currentVersion
        self.zone = zone.name
        self.since = since.map(DiaryTimeFormat.date)
        self.until = until.map(DiaryTimeFormat.date)
        drinks = records.drinks.map { DrinkRow(id: DiaryRecordID.of(.drink($0)), time: $0.time, localTime: local($0.time), milliliters: $0.milliliters, note: $0.note) }
        doses = records.doses.map { DoseRow(id: DiaryRecordID.of(.dose($0)), time: $0.time, localTime: local($0.time), electrolyte: $0.electrolyte, milligrams: $0.milligrams) }
        cramps = records.cramps.map {
            CrampRow(id: DiaryRecordID.of(.cramp($0)), time: $0.time, localTime: local($0.time), muscle: $0.muscle, severity: $0.severity, atNight: $0.atNight, note: $0.note)
        }
        reminderEvents = records.reminderEvents.map {
            ReminderEventRow(id: DiaryRecordID.of(.reminderEvent($0)), reminder: $0.reminderID, event: $0.event, time: $0.actual, localTime: local($0.actual),
                             planned: $0.planned, localPlanned: $0.planned.map(local))
        }
    }

    /// What `crampd ctl import` reads: every record with its id (the given one, else derived) and
    /// the list and index it came from (to locate a refusal), drinks, doses, cramps, events.
    public func importRecords() -> [(list: String, index: Int, record: DiaryImportRecord)] {
        func located(_ list: String, _ rows: [(String?, DiaryImportRecord.Content)]) -> [(list: String, index: Int, record: DiaryImportRecord)] {
            rows.enumerated().map { i, row in
                var record = DiaryImportRecord(row.1)
                if let given = row.0 { record.id = given }
                return (list, i, record)
            }
        }
        return located("drinks", drinks.map { ($0.id, .drink(Drink(milliliters: $0.milliliters, time: $0.time, note: $0.note))) })
            + located("doses", doses.map { ($0.id, .dose(Dose(electrolyte: $0.electrolyte, milligrams: $0.milligrams, time: $0.time))) })
            + located("cramps", cramps.map {
                ($0.id, .cramp(Cramp(time: $0.time, muscle: $0.muscle, severity: $0.severity, note: $0.note, atNight: $0.atNight)))
            })
            + located("reminderEvents", reminderEvents.map {
                ($0.id, .reminderEvent(ReminderEventRecord(reminderID: $0.reminder, event: $0.event, planned: $0.planned, actual: $0.time)))
            })
    }

    public struct DrinkRow: Sendable, Equatable, Codable {
        /// The stable id (`DiaryRecordID`); absent in older exports: derived then.
        public var id: String?
        public var time: Instant
        public var localTime: String
        public var milliliters: Int
        public var note: String?
    }

    public struct DoseRow: Sendable, Equatable, Codable {
        /// The stable id (`DiaryRecordID`); absent in older exports: derived then.
        public var id: String?
        public var time: Instant
        public var localTime: String
        public var electrolyte: Electrolyte
        public var milligrams: Int
    }

    public struct CrampRow: Sendable, Equatable, Codable {
        /// The stable id (`DiaryRecordID`); absent in older exports: derived then.
        public var id: String?
        public var time: Instant
        public var localTime: String
        public var muscle: String?
        public var severity: Int
        public var atNight: Bool
        public var note: String?
    }

    public struct ReminderEventRow: Sendable, Equatable, Codable {
        public var id: String?
        public var reminder: String
        public var event: ReminderEventRecord.Kind
        public var time: Instant
        public var localTime: String
        public var planned: Instant?
        public var localPlanned: String?

        /// The occurrence's planned time is `due`, as in every other result.
        enum CodingKeys: String, CodingKey { case id, reminder, event, time, localTime, planned = "due", localPlanned = "localDue" }
    }
}
