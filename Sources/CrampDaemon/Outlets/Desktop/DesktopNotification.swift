import CrampCore
import Systemd

/// The arguments of one `org.freedesktop.Notifications.Notify` call (`susssasa{sv}i`), built
/// from a reminder event without touching the bus.
struct DesktopNotification: Equatable, Sendable {
    var appName = "crampd"
    /// The previous popup of the same reminder, replaced instead of stacking; 0 for a new one.
    var replacesID: UInt32 = 0
    var icon: String
    var summary: String
    var body: String
    /// Pairs of action key and label: `["done", "Drank 250 ml", "snooze", "Snooze 10 min"]`.
    var actions: [String]
    var urgency: Urgency
    /// Freedesktop has no reminder category, so a vendor one: `x-crampd.hydration`.
    var category: String
    /// Lets the server find crampd.desktop (name, icon, per-app settings).
    var desktopEntry = "crampd"
    /// -1: the server's default.
    var expireTimeoutMilliseconds: Int32 = -1

    /// The `urgency` hint (a byte).
    enum Urgency: UInt8, Sendable {
        case low = 0, normal = 1, critical = 2
    }

    var hints: [(key: String, value: BusVariant)] {
        [("urgency", .byte(urgency.rawValue)), ("category", .string(category)), ("desktop-entry", .string(desktopEntry))]
    }

    static func == (a: DesktopNotification, b: DesktopNotification) -> Bool {
        a.appName == b.appName && a.replacesID == b.replacesID && a.icon == b.icon && a.summary == b.summary
            && a.body == b.body && a.actions == b.actions && a.urgency == b.urgency && a.category == b.category
            && a.desktopEntry == b.desktopEntry && a.expireTimeoutMilliseconds == b.expireTimeoutMilliseconds
    }

    /// The popup for a reminder that fires (due, catch-up, end of a snooze, `ctl trigger`).
    ///
    /// - `hasActions`: the server advertises the `actions` capability; without it there are no
    ///   buttons and the body says how to answer with `crampd ctl`.
    /// - `markup`: the server advertises `body-markup`, so `<`, `>` and `&` in the text are escaped.
    static func reminder(_ event: ReminderEvent, snooze: TimeSpan, zone: Zone, hasActions: Bool, markup: Bool,
                         replacing replacesID: UInt32) -> DesktopNotification {
        let reminder = event.reminder
        let escalated = isEscalated(event, zone: zone)
        var body = reminder.message
        if event.kind == .catchUp { body += "\n(catch-up: \(event.note ?? "missed while crampd was not running"))" }
        if let followUp = event.followUp { body += "\n(again: follow-up \(followUp.number) of \(followUp.of))" }
        if markup { body = escapeMarkup(body) }
        // A checkpoint notice is no reminder to answer: no buttons.
        let answerable = event.kind != .behind && event.kind != .refill
        let hasActions = hasActions && answerable
        if !hasActions && answerable { body += "\nAnswer with: crampd ctl done \(reminder.id)   or: crampd ctl snooze \(reminder.id)" }
        return DesktopNotification(
            replacesID: replacesID,
            icon: escalated ? "dialog-warning" : "appointment-soon",
            summary: noticeSummary(event) ?? summary(reminder, escalated: escalated),
            body: body,
            actions: hasActions ? ["done", doneLabel(reminder), "snooze", "Snooze \(spanLabel(snooze))"] : [],
            urgency: escalated || isLastUrgentFollowUp(event) || event.throughDoNotDisturb ? .critical : .normal,
            category: "x-crampd.\(reminder.kind.rawValue)")
    }

    /// The one message on return: "While you were away: water at 10:30 and 11:15, …", with Done
    /// (every reminder listed as due) and Snooze; no buttons when all were missed.
    static func back(_ back: BackPopup, snooze: TimeSpan, hasActions: Bool, markup: Bool, replacing replacesID: UInt32) -> DesktopNotification {
        var body = markup ? escapeMarkup(back.message) : back.message
        let buttons = hasActions && !back.answers.isEmpty
        if !hasActions, !back.answers.isEmpty {
            body += "\nAnswer with: crampd ctl done ID   or: crampd ctl snooze ID"
        }
        return DesktopNotification(
            replacesID: replacesID, icon: "appointment-missed", summary: "Welcome back",
            body: body,
            actions: buttons ? ["done", back.answers.count == 1 ? "Done" : "Done (all \(back.answers.count))", "snooze", "Snooze \(spanLabel(snooze))"] : [],
            urgency: .normal, category: "x-crampd.back")
    }

    /// An escalated missed evening dose, the one reminder shown as critical (it stays until
    /// answered on most servers): an electrolyte reminder firing as a catch-up (its occurrence
    /// was missed while the machine slept or crampd was down) whose missed occurrence was
    /// planned for the evening, 17:00 or later local time. Evening doses (magnesium against
    /// night cramps) are the ones a missed popup most often costs; everything else is normal,
    /// so critical keeps its meaning.
    static func isEscalated(_ event: ReminderEvent, zone: Zone) -> Bool {
        guard event.kind == .catchUp, event.reminder.kind == .electrolyte else { return false }
        return zone.localDateTime(at: event.due ?? event.at).time.hour >= 17
    }

    /// The last follow-up of a reminder with `urgent = true`: critical, so it stays until answered.
    static func isLastUrgentFollowUp(_ event: ReminderEvent) -> Bool {
        event.reminder.urgent && event.followUp?.isLast == true
    }

    /// A notice that is no reminder says what it is about.
    static func noticeSummary(_ event: ReminderEvent) -> String? {
        switch event.kind {
        case .behind: "Behind the day's water"
        case .refill: "Running low: \(event.reminder.electrolyte?.rawValue ?? "supply")"
        default: nil
        }
    }

    static func summary(_ reminder: Reminder, escalated: Bool) -> String {
        let text: String
        switch reminder.kind {
        case .hydration: text = reminder.amountText.map { "Drink \($0) of water" } ?? "Drink some water"
        case .electrolyte:
            let what = reminder.electrolyte?.rawValue ?? "electrolytes"
            text = reminder.amountText.map { "Take \($0) \(what)" } ?? "Time for \(what)"
        case .stretch: text = "Time to stretch"
        case .custom: text = "Reminder: \(reminder.id)"
        }
        return escalated ? "Missed: \(text)" : text
    }

    /// "Drank 250 ml", "Took magnesium", else "Done".
    static func doneLabel(_ reminder: Reminder) -> String {
        switch reminder.kind {
        case .hydration: reminder.amountText.map { "Drank \($0)" } ?? "Done"
        case .electrolyte: reminder.electrolyte.map { "Took \($0.rawValue)" } ?? "Done"
        case .stretch, .custom: "Done"
        }
    }

    /// "10 min", "1 h", "1 h 30 min", "45 s".
    static func spanLabel(_ span: TimeSpan) -> String {
        let seconds = max(0, span.microseconds / 1_000_000)
        let (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
        var parts: [String] = []
        if hours > 0 { parts.append("\(hours) h") }
        if minutes > 0 { parts.append("\(minutes) min") }
        if rest > 0 || parts.isEmpty { parts.append("\(rest) s") }
        return parts.joined(separator: " ")
    }

    /// The body markup of the notification spec: only `&`, `<` and `>`. Not `Markup.escaped`
    /// (HTML): it also writes `&#39;` for an apostrophe, which GNOME Shell's markup filter
    /// would show literally ("Don&#39;t").
    static func escapeMarkup(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
