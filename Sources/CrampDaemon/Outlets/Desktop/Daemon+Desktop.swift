import CrampCore
import CrampProtocol
import Dispatch

extension Daemon {
    /// Creates, updates or drops the desktop outlet to match `[daemon] notify`: at start and after a reload.
    func updateDesktopOutlet() {
        dispatchPrecondition(condition: .onQueue(queue))
        let wanted = loaded.config.daemon.notify.contains(.desktop)
        if wanted, let desktop {
            desktop.snooze = loaded.config.daemon.snooze
            desktop.zone = zone
        } else if wanted {
            let outlet = DesktopOutlet(queue: queue, logger: logger, snooze: loaded.config.daemon.snooze, zone: zone,
                                       environment: options.environment,
                                       callTimeoutMicroseconds: options.notifyCallTimeoutMicroseconds) {
                [unowned self] answer in self.answer(answer)
            }
            outlet.onDoNotDisturb = { [unowned self] paused in
                self.presenceChanged(PresenceSignal(source: .dunst, active: paused, since: self.clockNow()))
            }
            desktop = outlet
            outlet.start()
        } else if let desktop {
            desktop.stop()
            self.desktop = nil
            presenceChanged(PresenceSignal(source: .dunst, active: false, since: clockNow()))
        }
    }

    /// A button pressed on a notification takes the same path as `crampd ctl done|snooze`
    /// (state, journal, diary); closing it without an answer is only journaled.
    func answer(_ answer: DesktopAnswer) {
        dispatchPrecondition(condition: .onQueue(queue))
        switch answer {
        case .done(let id):
            done(id, via: .desktop) { [logger] result in
                if case .failure(let error) = result {
                    logger.warning("Failed to record \(id) as done from the desktop: \(error.message)")
                }
            }
        case .snooze(let id):
            if case .failure(let error) = snooze(id, for: nil, via: .desktop) {
                logger.warning("Failed to snooze \(id) from the desktop: \(error.message)")
            }
        case .closed(let id, let reason):
            // A reminder removed by a reload since it fired has nothing left to record.
            guard let reminder = loaded.config.reminder(id: id) else { return }
            journal.write(JournalEntry(
                message: "Reminder \(id): its desktop notification \(reason == .expired ? "expired" : "was \(reason.wording)") without an answer",
                priority: .info, messageID: .notificationDismissed,
                fields: [("CRAMPD_EVENT", "dismissed"), ("CRAMPD_REMINDER", id), ("CRAMPD_KIND", reminder.kind.rawValue),
                         ("CRAMPD_CLOSE_REASON", reason.wording), ("CRAMPD_VIA", "desktop")]))
        }
    }
}

extension Daemon {
    /// `crampd ctl notify-test`: the desktop outlet's view, step by step; never waits for the bus.
    func notifyTest(sample: Bool) -> ActionResult {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let desktop else {
            return ActionResult(summary: "Desktop notifications are off: [daemon] notify has no \"desktop\".",
                                changes: ["Turn them on: notify = [\"journal\", \"desktop\"] in [daemon] of \(loaded.files.last ?? "config.toml"), then: crampd ctl reload"])
        }
        let diagnosis = desktop.diagnose(sendingSample: sample)
        return ActionResult(summary: diagnosis.summary, changes: diagnosis.steps)
    }
}
