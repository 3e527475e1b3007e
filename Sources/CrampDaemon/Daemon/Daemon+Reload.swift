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
        switch options.loadConfigRemembering(logger: logger) {
        case .success(let fresh):
            adopt(fresh, now: now)
            lastReload = ReloadOutcome(at: now, succeeded: true)
            configProblem = nil
            var summary = "Reloaded configuration (\(trigger)): \(fresh.config.reminders.count) reminders from \(fresh.files.joined(separator: ", "))"
            if !fresh.warnings.isEmpty {
                summary += ", with \(fresh.warnings.count) warning\(fresh.warnings.count == 1 ? "" : "s") (crampd ctl status lists them)"
            }
            logger.info("\(summary)", metadata: [JournalLogHandler.messageIDKey: "\(JournalMessageID.daemonReloaded.rawValue)", "event": "reloaded"])
            logConfigWarnings()
            checkSupplies(immediate: true)
            // A bus that went away may be back: presence sources reconnect now, never by polling.
            logindWatcher?.startAgainIfLost()
            sessionPresenceWatcher?.startAgainIfLost()
            return .success(ActionResult(summary: summary, next: plan.first?.next?.fireAt))
        case .failure(let failure):
            let errors = failure.renderedEach()
            lastReload = ReloadOutcome(at: now, succeeded: false, errors: errors)
            configProblem = "config error, kept the previous config: " + Self.firstLine(of: errors)
            let summary = "Failed to reload configuration (\(trigger)): \(failure.countText), keeping the previous config"
            journal.write(JournalEntry(message: summary + "\n" + failure.rendered(), priority: .error,
                                       messageID: .configError, fields: [("CRAMPD_EVENT", "reload-failed"), ("CRAMPD_CONFIG_ERRORS", String(errors.count))]))
            return .failure(ControlError(.invalidConfig, summary, details: errors))
        }
    }

    /// One journal warning per thing the config in force left out (see `LoadedConfig.warnings`).
    func logConfigWarnings() {
        for warning in loaded.warnings { logger.warning("Config: \(warning)") }
    }

    /// Swaps in a new valid config; reminders whose schedule changed start afresh.
    func adopt(_ fresh: LoadedConfig, now: Instant) {
        let previous = loaded.config
        loaded = fresh
        zone = Daemon.zone(for: fresh.config, options: options, logger: logger)
        updateZoneWatcher()
        updateDesktopOutlet()
        updateX11Idle()
        commit(Agenda.reconcile(previous: previous, current: fresh.config, state: state, now: now))
        advance()
    }

    /// The first line of the first error (`config.toml:3:7: expected …`), for STATUS=.
    static func firstLine(of errors: [String]) -> String {
        String(errors.first?.split(separator: "\n", maxSplits: 1).first ?? "unknown error")
    }
}
