import CrampCore
import Dispatch
import Logging

extension Daemon {
    /// A presence source (X11 idle, logind, the screen saver, a notification server's
    /// do-not-disturb, sleep) reports a change. Runs on the daemon queue; sources enqueue.
    /// A change of what holds popups steps the agenda: the first step with nothing holding
    /// says once what was held meanwhile.
    func presenceChanged(_ signal: PresenceSignal) {
        dispatchPrecondition(condition: .onQueue(queue))
        let before = presence
        presence = before.updating(with: signal)
        guard presence != before else { return }
        let reasons = presence.holdReasons.map(\.rawValue).joined(separator: ",")
        logger.debug("Presence: \(signal.source.rawValue) \(signal.active ? "on" : "off") since \(format(signal.since)); held: \(reasons.isEmpty ? "no" : reasons)")
        if presence.holdReasons != before.holdReasons { advance() }
    }

    /// The one message on return: one journal entry and one popup; Done and Snooze answer the
    /// reminders it lists as due, as `crampd ctl done|snooze` would.
    func tellBack(_ report: BackReport, now: Instant) {
        let message = report.message(in: zone, grace: loaded.config.daemon.grace)
        let answers = report.due.map(\.reminderID)
        // Delivered now, in the message: the diary has them as due (late), so Done and the
        // adherence figures find the occurrence each answers.
        for due in report.due {
            if let latest = due.dues.last { awaitingAnswer[due.reminderID] = latest }
            for planned in due.dues { diary?.record(ReminderEventRecord(reminderID: due.reminderID, event: .due, planned: planned, actual: now)) }
        }
        journal.write(JournalEntry(message: message, priority: .notice, messageID: .back, fields: [
            ("CRAMPD_EVENT", "back"),
            ("CRAMPD_HELD_REASON", report.reason.rawValue),
            ("CRAMPD_HELD_REMINDERS", report.reminderIDs.joined(separator: ",")),
            ("CRAMPD_HELD_COUNT", String(report.due.reduce(0) { $0 + $1.dues.count } + report.missed.reduce(0) { $0 + $1.count })),
        ] + (report.missed.isEmpty ? [] : [("CRAMPD_MISSED_REMINDERS", report.missed.map(\.reminderID).joined(separator: ","))])))
        desktop?.showBack(BackPopup(reason: report.reason, message: message, answers: answers))
    }

    /// Popups that are not reminders (a checkpoint's behind notice, a refill notice) are not
    /// shown while the person is away, locked, asleep or in do-not-disturb: the journal has them,
    /// and the next checkpoint or the next day's refill check says it again.
    var noticePopupsHeld: Bool {
        loaded.config.daemon.whileAway == .hold && presence.holdReason != nil
    }

    /// "held: 2 reminders (away)" for STATUS= while something is held.
    var heldStatus: String? {
        guard !state.held.isEmpty else { return nil }
        let count = state.held.count
        let reason = presence.holdReason ?? state.held.reasons.min() ?? .away
        return "held: \(count) reminder\(count == 1 ? "" : "s") (\(reason.statusWording))"
    }
}
