import CrampCore
import CrampProtocol
import Systemd

/// Something that happened to a reminder, as the journal records it.
public enum ReminderEventKind: String, Sendable {
    /// The reminder fell due and was delivered on time.
    case due
    /// A single reminder delivered late for occurrences missed while asleep or down.
    case catchUp = "catch-up"
    /// A follow-up of an occurrence not answered yet (`repeat`).
    case `repeat`
    /// A `water_checkpoints` checkpoint found the day behind (no reminder of the config:
    /// `CRAMPD_REMINDER=water-pace`, `ReminderEvent.behind`).
    case behind
    /// A supply is estimated to run out within its `refill_notice` (`ReminderEvent.refill`).
    case refill
    /// Occurrences that passed unseen (recorded, not delivered).
    case missed
    case snoozed
    case done
    case skipped
    /// Due while the person was away, locked, asleep or in do-not-disturb: journal only, told on return.
    case held
}

/// One reminder event with the facts every outlet needs.
public struct ReminderEvent: Sendable {
    public var kind: ReminderEventKind
    public var reminder: Reminder
    /// The planned time of the occurrence (`CRAMPD_DUE_USEC`); nil for a `done` or `snooze`
    /// given when no occurrence was waiting for an answer.
    public var due: Instant?
    /// When it was actually handled.
    public var at: Instant
    /// When it was meant to be handled, if not at `due` (quiet hours deferred it).
    public var lateFrom: Instant?
    /// Extra words for the message ("missed 3 times since …").
    public var note: String?
    /// A snooze's end: `CRAMPD_SNOOZED_UNTIL_USEC`.
    public var snoozedUntil: Instant?
    /// A follow-up: which one, of how many (`CRAMPD_REPEAT`).
    public var followUp: FollowUpNumber?
    /// Why a `held` event was held (`CRAMPD_HELD_REASON`).
    public var heldReason: HoldReason?
    /// An `urgent = true` reminder shown through do-not-disturb: critical urgency.
    public var throughDoNotDisturb = false
    /// Words added to a due reminder's message, in parentheses: a dose moved by
    /// `<electrolyte>_min_gap` (`DoseSpacing.movedWording`), a `pace = true` amount.
    public var aside: String?
    /// Fields of this event only: `CRAMPD_SPACED_AFTER_USEC`, `CRAMPD_WATER_ML`, …
    public var extraFields: [(String, String)] = []

    public init(kind: ReminderEventKind, reminder: Reminder, due: Instant?, at: Instant, lateFrom: Instant? = nil, note: String? = nil,
                snoozedUntil: Instant? = nil, followUp: FollowUpNumber? = nil) {
        self.kind = kind; self.reminder = reminder; self.due = due; self.at = at; self.lateFrom = lateFrom; self.note = note
        self.snoozedUntil = snoozedUntil; self.followUp = followUp
    }

    /// A dose moved to the end of `<electrolyte>_min_gap`: says so, with `CRAMPD_SPACED_AFTER_USEC` (the last dose).
    public mutating func markSpaced(_ spacing: DoseSpacing, zone: Zone) {
        aside = spacing.movedWording(in: zone)
        extraFields.append(("CRAMPD_SPACED_AFTER_USEC", String(spacing.lastDose.microseconds)))
    }

    /// The id a `water_checkpoints` notice goes by (`CRAMPD_REMINDER`, the desktop's replacement).
    public static let paceID = "water-pace"

    /// A checkpoint found the day behind: `CRAMPD_EVENT=behind`, the suggested catch-up as the amount.
    public static func behind(_ notice: BehindNotice, at now: Instant) -> ReminderEvent {
        let reminder = Reminder(id: paceID, kind: .hydration, message: notice.message, amount: notice.suggestedMilliliters > 0 ? notice.suggestedMilliliters : nil,
                                schedule: .at(AtSchedule(times: [notice.checkpoint.time])))
        var event = ReminderEvent(kind: .behind, reminder: reminder, due: notice.due, at: now)
        event.extraFields = [("CRAMPD_WATER_ML", String(notice.waterMilliliters)), ("CRAMPD_CHECKPOINT_ML", String(notice.checkpoint.milliliters))]
        return event
    }

    /// How late the outlet got it: `CRAMPD_LATENESS_USEC`.
    public var latenessMicroseconds: Int64 { max(0, at.microseconds - (lateFrom ?? due ?? at).microseconds) }

    /// The journal entry: the reminder's own text for due/catch-up, a sentence otherwise.
    public var journalEntry: JournalEntry {
        let id = reminder.id
        let message: String
        let priority: JournalPriority
        switch kind {
        case .due:
            message = reminder.message + (aside.map { " (\($0))" } ?? "")
            priority = .notice
        case .behind:
            message = reminder.message
            priority = .notice
        case .refill:
            message = reminder.message
            priority = .warning
        case .catchUp:
            let late = "late by " + TimeText.span(TimeSpan(microseconds: latenessMicroseconds))
            message = "\(reminder.message) (catch-up, \(late): \(note ?? "missed while crampd was not running"))"
            priority = .notice
        case .repeat:
            message = "\(reminder.message) (again: follow-up \(followUp?.number ?? 1) of \(followUp?.of ?? 1))"
            priority = .notice
        case .missed:
            message = "Reminder \(id) was missed\(note.map { ": \($0)" } ?? "")"
            priority = .info
        case .snoozed:
            message = "Reminder \(id) snoozed\(note.map { " \($0)" } ?? "")"
            priority = .info
        case .done:
            message = "Reminder \(id) done\(note.map { ": \($0)" } ?? "")"
            priority = .info
        case .skipped:
            message = "Reminder \(id) skipped\(note.map { ": \($0)" } ?? "")"
            priority = .info
        case .held:
            message = "\(reminder.message) (held, \(heldReason?.statusWording ?? "away"): told when you are back)"
            priority = .info
        }
        // Fields that do not apply are left out, never written empty.
        var fields: [(String, String)] = [("CRAMPD_EVENT", kind.rawValue), ("CRAMPD_REMINDER", id), ("CRAMPD_KIND", reminder.kind.rawValue)]
        if let electrolyte = reminder.electrolyte { fields.append(("CRAMPD_ELECTROLYTE", electrolyte.rawValue)) }
        if let amount = reminder.amount {
            fields.append(("CRAMPD_AMOUNT", String(amount)))
            fields.append(("CRAMPD_UNIT", reminder.kind == .electrolyte ? "mg" : "ml"))
        }
        if let due { fields.append(("CRAMPD_DUE_USEC", String(due.microseconds))) }
        if let followUp { fields.append(("CRAMPD_REPEAT", String(followUp.number))) }
        if let heldReason { fields.append(("CRAMPD_HELD_REASON", heldReason.rawValue)) }
        fields += extraFields
        if kind == .done { fields.append(("CRAMPD_DONE_USEC", String(at.microseconds))) }
        if let snoozedUntil { fields.append(("CRAMPD_SNOOZED_UNTIL_USEC", String(snoozedUntil.microseconds))) }
        fields.append(("CRAMPD_LATENESS_USEC", String(latenessMicroseconds)))
        return JournalEntry(message: message, priority: priority, messageID: kind.messageID, fields: fields)
    }
}

extension ReminderEventKind {
    var messageID: JournalMessageID {
        switch self {
        case .due: .reminderDue
        case .catchUp: .catchUp
        case .repeat: .reminderRepeated
        case .behind: .waterBehind
        case .refill: .refill
        case .missed: .reminderMissed
        case .snoozed: .snoozed
        case .done: .done
        case .skipped: .skipped
        case .held: .reminderHeld
        }
    }
}
