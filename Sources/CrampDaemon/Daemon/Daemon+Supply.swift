import CrampCore
import CrampProtocol

/// Supplies in the daemon (issue 17 part 4): `ctl stock`, and the refill notice
/// (`CRAMPD_EVENT=refill`) when a supply is estimated to run out within its `refill_notice`:
/// in the journal at once after a start, a dose, a stock change or a reload, else at most once
/// a day; a popup at most once a day (the diary remembers it), never in quiet hours.
extension Daemon {
    /// `stock [ELECTROLYTE UNITS]`: sets a count first when given, then shows every supply.
    func stock(electrolyte name: String?, units: Int?, then reply: @escaping DiaryReply) {
        var requested: (electrolyte: Electrolyte, units: Int)?
        if let name, let units {
            guard let electrolyte = Electrolyte(rawValue: name.lowercased()) else {
                return reply(.failure(ControlError(.invalidArgument, "unknown electrolyte \"\(name)\"; expected one of: "
                    + Electrolyte.allCases.map(\.rawValue).joined(separator: ", "))))
            }
            guard loaded.config.supplies[electrolyte] != nil else {
                return reply(.failure(ControlError(.invalidArgument,
                    "No [supply.\(electrolyte.rawValue)] in the config; add one (units = \(units), mg_per_unit = …), then: crampd ctl reload")))
            }
            guard (0...Supply.maximumUnits).contains(units) else {
                return reply(.failure(ControlError(.invalidArgument, "expected a count from 0 to \(Supply.maximumUnits) for \(electrolyte.rawValue), got \(units)")))
            }
            requested = (electrolyte, units)
        }
        let (config, zone, setting) = (loaded.config, zone, requested)
        withDiary({ (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            do throws(DiaryStoreError) {
                if let setting { try store.recordStock(setting.electrolyte, units: setting.units, at: now) }
                let summary = setting.map { "Set \($0.electrolyte.rawValue) to \($0.units) unit\($0.units == 1 ? "" : "s")." }
                return .stock(StockResult(summary: summary, supplies: try store.supplyStatuses(config: config, zone: zone, now: now)))
            } catch { throw .store(error) }
        }, then: { [weak self] result in
            if setting != nil, case .success = result { self?.checkSupplies(immediate: true) }
            reply(result)
        })
    }

    /// Reads every supply and tells what runs low. `immediate`: after a start, a dose, a stock
    /// change or a reload; otherwise (from `advance`) at most once an hour, and the journal at
    /// most once a day.
    func checkSupplies(immediate: Bool) {
        guard let diary, !loaded.config.supplies.isEmpty else { return }
        let now = clockNow()
        if !immediate, let last = lastSupplyCheck, now - last < .hours(1), last <= now { return }
        lastSupplyCheck = now
        let (config, zone) = (loaded.config, zone)
        diary.run({ store -> [(SupplyStatus, Instant?)] in
            guard let statuses = try? store.supplyStatuses(config: config, zone: zone, now: now) else { return [] }
            return statuses.map { ($0, try? store.lastRefillPopup(of: $0.electrolyte)) }
        }, ifBusy: { [] }, replyOn: queue) { [weak self] found in
            self?.tellRefills(found, immediate: immediate, now: now)
        }
    }

    private func tellRefills(_ found: [(SupplyStatus, Instant?)], immediate: Bool, now: Instant) {
        let inQuietHours = RefillNotice.inQuietHours(loaded.config, zone: zone, now: now)
        for (status, lastPopup) in found {
            let decision = RefillNotice.decide(status, immediate: immediate, lastJournal: refillJournaled[status.electrolyte],
                                               lastPopup: lastPopup, inQuietHours: inQuietHours, now: now)
            guard decision.journal || decision.popup else { continue }
            let event = ReminderEvent.refill(status, at: now)
            if decision.journal {
                journal.write(event.journalEntry)
                refillJournaled[status.electrolyte] = now
            }
            if decision.popup, !noticePopupsHeld, let desktop {
                desktop.show(event)
                let electrolyte = status.electrolyte
                diary?.run({ store in (try? store.recordRefillPopup(of: electrolyte, at: now)) != nil }, ifBusy: { false }, replyOn: queue) { _ in }
            }
        }
    }
}

extension ReminderEvent {
    /// A supply runs low: `CRAMPD_EVENT=refill`, `CRAMPD_REMINDER=supply-<electrolyte>`.
    static func refill(_ status: SupplyStatus, at now: Instant) -> ReminderEvent {
        let reminder = Reminder(id: "supply-\(status.electrolyte.rawValue)", kind: .electrolyte, electrolyte: status.electrolyte,
                                message: RefillNotice.message(status), schedule: .at(AtSchedule(times: [])))
        var event = ReminderEvent(kind: .refill, reminder: reminder, due: nil, at: now)
        event.extraFields = [("CRAMPD_UNITS_LEFT", String(status.unitsLeft))]
        if let runOut = status.runOut { event.extraFields.append(("CRAMPD_RUN_OUT_USEC", String(runOut.microseconds))) }
        return event
    }
}
