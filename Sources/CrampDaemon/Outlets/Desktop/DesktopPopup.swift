import CrampCore

/// What the desktop outlet shows: a firing reminder, or the one message on return.
enum DesktopPopup {
    case reminder(ReminderEvent)
    case back(BackPopup)

    /// What a new popup replaces: the same reminder's previous one, or the previous message on return.
    var key: String {
        switch self {
        case .reminder(let event): event.reminder.id
        case .back: BackPopup.key
        }
    }

    /// The reminders its buttons answer.
    var answers: [String] {
        switch self {
        case .reminder(let event): [event.reminder.id]
        case .back(let back): back.answers
        }
    }
}

/// The message on return as a popup: the text, and the reminders Done and Snooze answer (those
/// listed as due; the missed ones are recorded already).
struct BackPopup: Sendable, Equatable {
    /// Not a reminder id (ids are letters, digits, - and _), so it never clashes with one.
    static let key = "(back)"

    var reason: HoldReason
    var message: String
    var answers: [String]
}
