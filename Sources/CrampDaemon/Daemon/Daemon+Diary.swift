import CrampCore
import CrampProtocol
import Dispatch
import Systemd

/// The diary in the daemon: opening it, recording every reminder event where the journal is
/// written, feeding intake facts to the agenda, the dose cap, the cramp insight, and the
/// handlers of `drink`, `take`, `cramp`, `undo`, `today`, `stats` and `export`.
///
/// A diary that cannot be opened never stops reminders: they run as before, events are not
/// recorded, and diary commands answer `diary-unavailable`.
extension Daemon {
    /// `crampd ctl drink` without ML, when no hydration reminder has an `amount`: one glass.
    static let defaultDrinkMilliliters = 250

    // MARK: Start-up

    func openDiary(now: Instant) {
        do {
            let store = try DiaryStore(path: options.diaryPath, now: now)
            if let recovery = store.recovery {
                journal.write(JournalEntry(message: recovery.message, priority: .critical, messageID: .diaryRecovered,
                                           fields: [("CRAMPD_DIARY_MOVED_TO", recovery.movedTo)]))
            }
            diary = store
        } catch {
            diaryUnavailable = error.description
            logger.critical("\(error.description); reminders keep running without the diary")
        }
    }

    // MARK: What the agenda and the outlets learn from the diary

    /// Today's intake at `now`; nil without a diary or when it cannot be read (the smart
    /// rules then do not apply, so a reminder fires rather than being wrongly skipped).
    func smartFacts(at now: Instant) -> SmartReminderFacts? {
        guard let diary else { return nil }
        do { return try diary.smartFacts(goals: loaded.config.goals, zone: zone, now: now) } catch {
            logger.error("\(error.description); reminding without the smart rules this time")
            return nil
        }
    }

    /// Writes one reminder event to the journal and records it in the diary. A dose reminder
    /// that would take today's total past its `[goals]` cap is not suggested: it becomes a
    /// skip, and the journal says why.
    func emit(_ event: ReminderEvent, facts: SmartReminderFacts?, via channel: AnswerChannel = .ctl) {
        var event = event
        if event.kind == .due || event.kind == .catchUp, let excess = facts?.capExcess(suggesting: event.reminder) {
            event = ReminderEvent(kind: .skipped, reminder: event.reminder, due: event.due, at: event.at, note: excess.message)
        }
        journal.write(channel.marking(event.journalEntry))
        desktop?.show(event)
        record(event)
    }

    /// Records a reminder event; a failure is logged and reminding goes on.
    func record(_ event: ReminderEvent) {
        guard let diary, let kind = ReminderEventRecord.Kind(rawValue: event.kind.rawValue) else { return }
        let record = ReminderEventRecord(reminderID: event.reminder.id, event: kind, planned: event.due, actual: event.at)
        do { try diary.record(record) } catch { logger.error("\(error.description)") }
    }

    /// After start-up and after each cramp: the advice, when cramps reached the threshold,
    /// at most once a week (the store remembers the last notice).
    func checkCrampInsight(now: Instant) {
        guard let diary else { return }
        do {
            if let notice = try diary.crampInsight(now: now) { try writeInsight(notice, now: now) }
        } catch {
            logger.error("\(error.description)")
        }
    }

    /// The journal notice first, then its record: a failed write is retried at the next cramp.
    private func writeInsight(_ notice: CrampInsightNotice, now: Instant) throws(DiaryStoreError) {
        journal.write(JournalEntry(message: notice.message, priority: .warning, messageID: .crampInsight, fields: [
            ("CRAMPD_CRAMPS", String(notice.cramps)),
            ("CRAMPD_NIGHT_CRAMPS", String(notice.nightCramps)),
        ]))
        try diary?.recordInsightNotice(notice, at: now)
    }

    // MARK: done

    /// `done ID` in the diary: the event and the reminder's amount as intake, in one
    /// transaction, before the agenda state changes; so a failure changes nothing.
    func recordDone(_ reminder: Reminder, at now: Instant) -> Result<String?, ControlError> {
        guard let diary else { return .success(nil) }
        let intake: DiaryEntry?
        do { intake = try DiaryEntry.intake(confirming: reminder, at: now) } catch {
            return .failure(ControlError(.invalidArgument, "Failed to record \(reminder.id) as intake: \(error.message); fix its amount in the config"))
        }
        let kind = ReminderEventRecord.Kind.done
        do {
            let planned = try diary.unconfirmedOccurrence(of: reminder.id, since: LocalDay.start(of: LocalDay.date(of: now, in: zone), in: zone))
            try diary.record(ReminderEventRecord(reminderID: reminder.id, event: kind, planned: planned, actual: now), intake: intake)
        } catch {
            return .failure(ControlError(.internal, "\(error.description); nothing changed"))
        }
        return .success(intake.map { "Logged the " + $0.describe(in: zone) + "." })
    }

    // MARK: Handlers

    func drink(milliliters: Int?, note: String?) -> Result<ControlResult, ControlError> {
        let amount = milliliters ?? loaded.config.reminders.first { $0.kind == .hydration && $0.amount != nil }?.amount
            ?? Self.defaultDrinkMilliliters
        return logging { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> DiaryLogged in
            try store.logDrink(milliliters: amount, note: note, goals: loaded.config.goals, zone: zone, now: now)
        }
    }

    func take(electrolyte name: String, milligrams: Int?) -> Result<ControlResult, ControlError> {
        let choice = DoseChoice(name, milligrams: milligrams, in: loaded.config)
        if choice.isKnown && choice.milligrams == nil {
            return .failure(ControlError(.invalidArgument,
                "No \(choice.electrolyte) reminder has an amount; say how much, e.g.: crampd ctl take \(choice.electrolyte) 200"))
        }
        return logging { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> DiaryLogged in
            // An unknown name is refused by the store with the list of known ones.
            try store.logDose(electrolyte: choice.electrolyte, milligrams: choice.milligrams ?? 0, goals: loaded.config.goals,
                              zone: zone, now: now)
        }
    }

    func cramp(muscle: String?, severity: Int?, at: String?, note: String?) -> Result<ControlResult, ControlError> {
        var time: TimeOfDay?
        if let at {
            guard let parsed = TimeSyntax.parseTime(at) else {
                return .failure(ControlError(.invalidArgument, "expected a time like \"03:10\" for the cramp, got \"\(at)\""))
            }
            time = parsed
        }
        return logging { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> DiaryLogged in
            var logged = try store.logCramp(muscle: muscle, severity: severity ?? Cramp.defaultSeverity, at: time, note: note,
                                            goals: loaded.config.goals, zone: zone, now: now)
            if let notice = logged.insight {
                do throws(DiaryStoreError) { try writeInsight(notice, now: now) } catch {
                    logger.error("\(error.description)")
                    logged.insight = nil
                }
            }
            return logged
        }
    }

    func undo() -> Result<ControlResult, ControlError> {
        withDiary { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            let (removed, message) = try store.undo(zone: zone)
            if removed != nil { advance() }
            return .diary(DiaryChange(summary: message, entry: removed))
        }
    }

    func today(date text: String? = nil) -> Result<ControlResult, ControlError> {
        var pastDay: PastDay?
        if let text {
            switch PastDay.parse(text, now: WallClock.now(), zone: zone) {
            case .success(let day): pastDay = day
            case .failure(let error): return .failure(ControlError(.invalidArgument, error.message))
            }
        }
        return withDiary { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            do throws(DiaryStoreError) {
                // An earlier day is shown as it ended, with nothing still due.
                let asOf = pastDay?.lastInstant ?? now
                return .today(try store.today(goals: loaded.config.goals, zone: zone, now: asOf,
                                              stillDue: pastDay == nil ? stillDueToday(now: now) : []))
            } catch { throw .store(error) }
        }
    }

    func stats(days: Int) -> Result<ControlResult, ControlError> {
        withDiary { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            do throws(DiaryStoreError) { return .stats(try store.stats(days: days, goals: loaded.config.goals, zone: zone, now: now)) } catch { throw .store(error) }
        }
    }

    func export(format: ExportFormat, since: String?) -> Result<ControlResult, ControlError> {
        var date: CivilDate?
        if let since {
            guard let parsed = ArgumentText.date(since) else {
                return .failure(ControlError(.invalidArgument, "expected a date like \"2026-11-01\" for --since, got \"\(since)\""))
            }
            date = parsed
        }
        return withDiary { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            do throws(DiaryStoreError) {
                switch format {
                case .csv: return .export(DiaryExportResult(csv: try store.exportCSV(since: date, zone: zone)))
                case .json: return .export(DiaryExportResult(document: try store.exportDocument(since: date, zone: zone)))
                }
            } catch { throw .store(error) }
        }
    }

    // MARK: Helpers

    /// A `drink`, `take` or `cramp`: answered after its COMMIT; the agenda then sees the new intake.
    private func logging(_ body: (DiaryStore, Instant) throws(DiaryCommandError) -> DiaryLogged) -> Result<ControlResult, ControlError> {
        withDiary { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            let logged = try body(store, now)
            advance()
            return .diary(DiaryChange(summary: logged.message, entry: logged.entry, today: logged.today, insight: logged.insight?.message))
        }
    }

    private func withDiary(_ body: (DiaryStore, Instant) throws(DiaryCommandError) -> ControlResult) -> Result<ControlResult, ControlError> {
        guard let diary else {
            return .failure(ControlError(.diaryUnavailable,
                "The diary is not available (\(diaryUnavailable ?? "not opened")); reminders keep running. Fix it, then: systemctl --user restart crampd"))
        }
        do {
            return .success(try body(diary, WallClock.now()))
        } catch {
            switch error {
            case .invalid(let e): return .failure(ControlError(.invalidArgument, e.message))
            case .store(let e):
                logger.error("\(e.description)")
                return .failure(ControlError(.internal, "\(e.description); nothing was recorded"))
            }
        }
    }

    /// The reminders the agenda will still fire today, for `today`.
    private func stillDueToday(now: Instant) -> [PendingReminder] {
        let end = LocalDay.interval(of: LocalDay.date(of: now, in: zone), in: zone).upperBound
        let facts = smartFacts(at: now)
        // A dose past its cap will not be suggested (see `emit`), so it is not due either.
        return upcoming(count: 200).occurrences.prefix { $0.at < end }.filter { o in
            guard let facts, let reminder = loaded.config.reminder(id: o.reminder) else { return true }
            return facts.capExcess(suggesting: reminder) == nil
        }.map { o in
            PendingReminder(reminderID: o.reminder, due: o.at, amountText: o.amount)
        }
    }
}

extension SmartReminderFacts {
    /// What the agenda's intake rules need.
    var intake: IntakeFacts { IntakeFacts(lastDrink: lastDrinkAt, waterTodayMilliliters: waterTodayMilliliters) }
}

extension Optional where Wrapped == SmartReminderFacts {
    var intake: IntakeFacts { self?.intake ?? .none }
}
