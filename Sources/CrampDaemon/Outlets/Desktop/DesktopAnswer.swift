/// What the person did with a notification this daemon created.
enum DesktopAnswer: Equatable, Sendable {
    /// "Done" (ActionInvoked "done").
    case done(reminderID: String)
    /// "Snooze" (ActionInvoked "snooze").
    case snooze(reminderID: String)
    /// Closed without a button (NotificationClosed without an action before it).
    case closed(reminderID: String, reason: NotificationCloseReason)
}

/// The `reason` of `NotificationClosed(id, reason)` in the Desktop Notifications spec.
enum NotificationCloseReason: UInt32, Sendable {
    case expired = 1
    case dismissed = 2
    case closedByCall = 3
    case undefined = 4

    init(code: UInt32) { self = NotificationCloseReason(rawValue: code) ?? .undefined }

    /// For the journal: "Reminder water's notification was dismissed".
    var wording: String {
        switch self {
        case .expired: "expired"
        case .dismissed: "dismissed"
        case .closedByCall: "closed"
        case .undefined: "closed"
        }
    }
}

/// Where an answer to a reminder came from; the journal entry says so with its own MESSAGE_ID.
enum AnswerChannel: Sendable {
    case ctl
    case desktop

    /// The done/snoozed entry as this channel records it: from the desktop, with
    /// `desktopActionDone`/`desktopActionSnoozed` and `CRAMPD_VIA=desktop`.
    func marking(_ entry: JournalEntry) -> JournalEntry {
        guard self == .desktop else { return entry }
        var marked = entry
        switch entry.messageID {
        case .done?: marked.messageID = .desktopActionDone
        case .snoozed?: marked.messageID = .desktopActionSnoozed
        default: break
        }
        marked.message += " (from the desktop notification)"
        marked.fields.append(("CRAMPD_VIA", "desktop"))
        return marked
    }
}
