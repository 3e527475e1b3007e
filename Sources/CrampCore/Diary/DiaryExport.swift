/// `crampd ctl export --json`: the whole diary (or since a date) as Codable DTOs. The shell
/// encodes it; times are integers of microseconds since the epoch (like `CRAMPD_DUE_USEC`)
/// with an RFC 3339 local time beside each for people.
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
        drinks = records.drinks.map { DrinkRow(time: $0.time, localTime: local($0.time), milliliters: $0.milliliters, note: $0.note) }
        doses = records.doses.map { DoseRow(time: $0.time, localTime: local($0.time), electrolyte: $0.electrolyte, milligrams: $0.milligrams) }
        cramps = records.cramps.map {
            CrampRow(time: $0.time, localTime: local($0.time), muscle: $0.muscle, severity: $0.severity, atNight: $0.atNight, note: $0.note)
        }
        reminderEvents = records.reminderEvents.map {
            ReminderEventRow(reminder: $0.reminderID, event: $0.event, time: $0.actual, localTime: local($0.actual),
                             planned: $0.planned, localPlanned: $0.planned.map(local))
        }
    }

    public struct DrinkRow: Sendable, Equatable, Codable {
        public var time: Instant
        public var localTime: String
        public var milliliters: Int
        public var note: String?
    }

    public struct DoseRow: Sendable, Equatable, Codable {
        public var time: Instant
        public var localTime: String
        public var electrolyte: Electrolyte
        public var milligrams: Int
    }

    public struct CrampRow: Sendable, Equatable, Codable {
        public var time: Instant
        public var localTime: String
        public var muscle: String?
        public var severity: Int
        public var atNight: Bool
        public var note: String?
    }

    public struct ReminderEventRow: Sendable, Equatable, Codable {
        public var reminder: String
        public var event: ReminderEventRecord.Kind
        public var time: Instant
        public var localTime: String
        public var planned: Instant?
        public var localPlanned: String?

        /// The occurrence's planned time is `due`, as in every other result.
        enum CodingKeys: String, CodingKey { case reminder, event, time, localTime, planned = "due", localPlanned = "localDue" }
    }
}
