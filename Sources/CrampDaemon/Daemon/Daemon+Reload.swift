import CrampCore
import CrampProtocol
import Dispatch
import Systemd

extension Daemon {
    /// Re-reads the config files, all or nothing: a config with errors is
    /// reported (every error, with its location) and the old one keeps running.
    /// From SIGHUP, `ExecReload=` and `crampd ctl reload`.
    func reload(trigger: String) -> Result<ActionResult, ControlError> {
        dispatchPrecondition(condition: .onQueue(queue))
        notify { try ServiceManager.reloading() }
        defer { notify { try ServiceManager.ready(status: statusLine) } }
        let now = clockNow()
        switch ConfigFiles.load(explicitPath: options.configPath, environment: options.environment) {
        case .success(let fresh):
            adopt(fresh, now: now)
            lastReload = ReloadOutcome(at: now, succeeded: true)
            let summary = "Reloaded configuration (\(trigger)): \(fresh.config.reminders.count) reminders from \(fresh.files.joined(separator: ", "))"
            logger.info("\(summary)", metadata: [JournalLogHandler.messageIDKey: "\(JournalMessageID.daemonReloaded.rawValue)"])
            return .success(ActionResult(summary: summary, next: plan.first?.next?.fireAt))
        case .failure(let failure):
            let errors = failure.renderedEach()
            lastReload = ReloadOutcome(at: now, succeeded: false, errors: errors)
            let summary = "Failed to reload configuration (\(trigger)): \(failure.countText), keeping the previous config"
            journal.write(JournalEntry(message: summary + "\n" + failure.rendered(), priority: .error,
                                       messageID: .configError, fields: [("CRAMPD_CONFIG_ERRORS", String(errors.count))]))
            return .failure(ControlError(.invalidConfig, summary, details: errors))
        }
    }

    /// Swaps in a new valid config; reminders whose schedule changed start afresh.
    func adopt(_ fresh: LoadedConfig, now: Instant) {
        let previous = loaded.config
        loaded = fresh
        zone = Daemon.zone(for: fresh.config, options: options, logger: logger)
        updateZoneWatcher()
        updateDesktopOutlet()
        commit(Agenda.reconcile(previous: previous, current: fresh.config, state: state, now: now))
        advance()
    }
}
