import CrampCore
import Dispatch
import Logging

extension Daemon {
    /// Watches `/etc/localtime` exactly while the zone follows the system's: a zone pinned by
    /// `[daemon] timezone` or `TZ` has no watch at all. Called at start and after every reload.
    func updateZoneWatcher() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard serving else { return }
        let follows = ZoneSource.of(config: loaded.config, environment: options.environment).followsSystem
        if !follows { zoneWatcher?.cancel(); zoneWatcher = nil; return }
        guard zoneWatcher == nil else { return }
        do {
            zoneWatcher = try ZoneWatcher(localtime: options.localtimePath, queue: queue) { [unowned self] in
                self.systemZoneMayHaveChanged()
            }
        } catch {
            logger.warning("\(error), the time zone will not follow changes of the system's until restarted")
        }
    }

    /// The watch saw `/etc/localtime` (or the file it names) change: reads the system zone again
    /// and, when it is another zone (by name or by rules), re-plans every reminder in it at once.
    func systemZoneMayHaveChanged() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard ZoneSource.of(config: loaded.config, environment: options.environment).followsSystem else { return }
        let fresh: Zone
        do { fresh = try Zone.system(environment: options.environment, database: options.zones, localtime: options.localtimePath) } catch {
            // Mid-replacement the link may be missing or the file half written: the next event tells.
            logger.debug("\(error.message), keeping time zone \(zone.name)")
            return
        }
        guard fresh != zone else { return }
        let old = zone
        let now = clockNow()
        zone = fresh
        commit(Agenda.rezoned(config: loaded.config, state: state, from: old, to: fresh, now: now))
        updateDesktopOutlet()
        advance()
        journal.write(zoneChangedEntry(from: old, to: fresh))
    }

    /// One entry per change: the old and the new zone, and what is next in the new one.
    private func zoneChangedEntry(from old: Zone, to new: Zone) -> JournalEntry {
        let now = plan.now
        let names = old.name == new.name ? "\(old.name) (new rules: \(old.abbreviation(at: now)) → \(new.abbreviation(at: now)))"
                                         : "\(old.name) to \(new.name)"
        let next = plan.first.flatMap { entry in entry.next.map { "next: \(entry.reminderID) at \(format($0.fireAt))" } }
        return JournalEntry(message: "Time zone changed from \(names); re-planned every reminder, \(next ?? "no reminder scheduled")",
                            priority: .notice, messageID: .zoneChanged,
                            fields: [("CRAMPD_EVENT", "zone-changed"), ("CRAMPD_ZONE_OLD", old.name), ("CRAMPD_ZONE_NEW", new.name)])
    }
}
