/// One record of `crampd ctl import` on the wire: exactly one of `drink`, `dose`, `cramp`,
/// `reminderEvent`, with its stable id (`DiaryRecordID`).
///
/// Reminder events are imported too: they are the history the adherence statistics count.
public struct DiaryImportRecord: Sendable, Equatable, Codable {
    public var id: String
    public var drink: Drink?
    public var dose: Dose?
    public var cramp: Cramp?
    public var reminderEvent: ReminderEventRecord?

    public enum Content: Sendable, Equatable {
        case drink(Drink), dose(Dose), cramp(Cramp), reminderEvent(ReminderEventRecord)

        public var time: Instant {
            switch self {
            case .drink(let d): d.time
            case .dose(let d): d.time
            case .cramp(let c): c.time
            case .reminderEvent(let e): e.actual
            }
        }
    }

    /// The record with its derived id.
    public init(_ content: Content) {
        id = DiaryRecordID.of(content)
        switch content {
        case .drink(let d): drink = d
        case .dose(let d): dose = d
        case .cramp(let c): cramp = c
        case .reminderEvent(let e): reminderEvent = e
        }
    }

    /// The one record it carries; nil when it carries none or more than one.
    public var content: Content? {
        let all: [Content] = [drink.map(Content.drink), dose.map(Content.dose), cramp.map(Content.cramp),
                              reminderEvent.map(Content.reminderEvent)].compactMap { $0 }
        return all.count == 1 ? all[0] : nil
    }

    /// The longest reminder id accepted, as in a config key.
    public static let maximumReminderIDLength = 64

    /// The same checks `crampd ctl drink/take/cramp` apply (one place: `Drink.validated`, …),
    /// and no record from the future (after `now`) or before 1970. The night flag of a cramp is
    /// kept as it was logged (history is not rewritten), the id must match the content.
    public func validated(now: Instant) throws(DiaryImportError) -> Content {
        guard let content else { throw .shape("expected exactly one of drink, dose, cramp, reminderEvent, got \(recordCount)") }
        let checked: Content
        do {
            switch content {
            case .drink(let d): checked = .drink(try Drink.validated(milliliters: d.milliliters, time: d.time, note: d.note))
            case .dose(let d): checked = .dose(try Dose.validated(electrolyte: d.electrolyte, milligrams: d.milligrams, time: d.time))
            case .cramp(let c):
                var valid = try Cramp.validated(time: c.time, muscle: c.muscle, severity: c.severity, note: c.note, zone: .utc)
                valid.atNight = c.atNight
                checked = .cramp(valid)
            case .reminderEvent(let e):
                guard !e.reminderID.isEmpty, e.reminderID.count <= Self.maximumReminderIDLength else {
                    throw DiaryImportError.shape("expected a reminder id of 1 to \(Self.maximumReminderIDLength) characters, got \(e.reminderID.count)")
                }
                if let planned = e.planned, !Instant.accepted.contains(planned) || planned > now + TimeSpan(microseconds: 366 * 86_400_000_000) {
                    throw DiaryImportError.shape("expected a due time within a year of now, got \(planned.microseconds) microseconds")
                }
                checked = content
            }
        } catch let error as DiaryValidationError {
            throw .invalid(error)
        } catch let error as DiaryImportError {
            throw error
        } catch {
            preconditionFailure("BUG: import validation threw \(error)")
        }
        let time = checked.time
        guard time >= Instant(microseconds: 0) else { throw .shape("expected a time after 1970, got \(time.microseconds) microseconds") }
        guard time <= now else { throw .fromTheFuture(time) }
        let derived = DiaryRecordID.of(checked)
        guard id.isEmpty || id == derived else { throw .idMismatch(expected: derived, got: id) }
        return checked
    }

    private var recordCount: Int {
        [drink != nil, dose != nil, cramp != nil, reminderEvent != nil].filter { $0 }.count
    }
}

/// Why an imported record was refused; rendered with the record's place in the file.
public enum DiaryImportError: Error, Sendable, Equatable {
    case invalid(DiaryValidationError)
    case shape(String)
    case fromTheFuture(Instant)
    case idMismatch(expected: String, got: String)

    public var message: String {
        switch self {
        case .invalid(let e): e.message
        case .shape(let text): text
        case .fromTheFuture(let t): "expected a time up to now, got \(t.microseconds) microseconds since 1970 (in the future)"
        case let .idMismatch(expected, got):
            "expected id \"\(expected)\" for this record's content, got \"\(got)\"; the record was changed after the export: clear its id to import it as it is now"
        }
    }
}
