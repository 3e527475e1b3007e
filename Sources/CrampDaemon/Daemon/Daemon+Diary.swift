import CrampCore
import CrampProtocol
import Dispatch
import Logging
import Systemd

/// The diary in the daemon: opening it, recording every reminder event where the journal is
/// written, feeding intake facts to the agenda, the cramp insight, and the
/// handlers of `drink`, `take`, `cramp`, `undo`, `today`, `stats`, `export` and `report`.
///
/// A diary that cannot be opened never stops reminders: they run as before, events are not
/// recorded, and diary commands answer `diary-unavailable`.
extension Daemon {
    /// A diary command's answer: given on the daemon's queue once the diary committed (or gave up).
    typealias DiaryReply = (Result<ControlResult, ControlError>) -> Void

    // MARK: Start-up

    /// Opens the diary and reads today's intake; after this every diary access runs on the
    /// `DiaryQueue`, never on the daemon's queue.
    func openDiary(now: Instant) {
        do {
            let store = try DiaryStore(path: options.diaryPath, now: now)
            if let recovery = store.recovery {
                journal.write(JournalEntry(message: recovery.message, priority: .critical, messageID: .diaryRecovered,
                                           fields: recovery.journalFields))
            }
            do { intake = try store.intakeSnapshot(zone: zone, now: now) } catch {
                logger.error("\(error.description); reminding without the smart rules until the diary can be read")
            }
            let diary = DiaryQueue(store: store, logger: logger, clock: options.clock)
            // Weak: a read still under way when a daemon goes away (an in-process test's) lands nowhere.
            diary.intakeChanged = { [weak self, queue] snapshot in
                queue.async { [weak self] in self?.intake = snapshot }
            }
            self.diary = diary
        } catch {
            diaryUnavailable = error.description
            logger.critical("\(error.description); reminders keep running without the diary")
        }
    }

    // MARK: What the agenda and the outlets learn from the diary

    /// Today's intake at `now`, from memory (updated after every diary command); nil without
    /// a diary or before it could be read (the smart rules then do not apply, so a reminder
    /// fires rather than being wrongly skipped). A new day (or zone) asks for a fresh read.
    func smartFacts(at now: Instant) -> SmartReminderFacts? {
        guard let diary, let intake else { return nil }
        let today = LocalDay.interval(of: LocalDay.date(of: now, in: zone), in: zone)
        if intake.day != today && intakeRequestedDay != today {
            intakeRequestedDay = today
            diary.refreshIntake(zone: zone, now: now)
        }
        return intake.facts(goals: loaded.config.goals, zone: zone, now: now)
    }

    /// Writes one reminder event to the journal, shows it on the desktop and records it in the diary.
    func emit(_ event: ReminderEvent, via channel: AnswerChannel = .ctl) {
        if event.kind == .due || event.kind == .catchUp || event.kind == .repeat, let due = event.due { awaitingAnswer[event.reminder.id] = due }
        if event.reminder.pace, event.kind == .due || event.kind == .catchUp { pacedAmounts[event.reminder.id] = event.reminder.amount }
        journal.write(channel.marking(event.journalEntry))
        if event.kind != .behind || !noticePopupsHeld { desktop?.show(event) }
        record(event)
    }

    /// Queues a reminder event for the diary, in order; a busy diary delays it, never the reminders.
    func record(_ event: ReminderEvent) {
        guard let diary, let kind = ReminderEventRecord.Kind(rawValue: event.kind.rawValue) else { return }
        diary.record(ReminderEventRecord(reminderID: event.reminder.id, event: kind, planned: event.due, actual: event.at))
    }

    /// After start-up and after each cramp: the advice, when cramps reached the threshold,
    /// at most once a week (the store remembers the last notice).
    func checkCrampInsight(now: Instant) {
        guard let diary else { return }
        diary.run({ [journal] store -> DiaryStoreError? in
            do throws(DiaryStoreError) {
                if let notice = try store.crampInsight(now: now) { try Self.writeInsight(notice, now: now, journal: journal, store: store) }
                return nil
            } catch { return error }
        }, ifBusy: { nil }, replyOn: queue) { [logger] error in
            if let error { logger.error("\(error.description)") }
        }
    }

    /// The journal notice first, then its record: a failed write is retried at the next cramp.
    private static func writeInsight(_ notice: CrampInsightNotice, now: Instant, journal: JournalWriter,
                                     store: DiaryStore) throws(DiaryStoreError) {
        journal.write(JournalEntry(message: notice.message, priority: .warning, messageID: .crampInsight, fields: [
            ("CRAMPD_CRAMPS", String(notice.cramps)),
            ("CRAMPD_NIGHT_CRAMPS", String(notice.nightCramps)),
        ]))
        try store.recordInsightNotice(notice, at: now)
    }

    // MARK: done

    /// `done ID` in the diary: the event and the reminder's amount as intake, in one
    /// transaction, before the agenda state changes; so a failure changes nothing.
    /// Answers with what was logged and the planned time of the occurrence it confirms (the
    /// latest fired today and not yet confirmed, as the diary records it; nil when none waits).
    func recordDone(_ reminder: Reminder, at now: Instant,
                    then reply: @escaping (Result<(logged: String?, planned: Instant?), ControlError>) -> Void) {
        guard let diary else { return reply(.success((nil, answeredOccurrence(of: reminder.id, now: now)))) }
        let intake: DiaryEntry?
        do { intake = try DiaryEntry.intake(confirming: reminder, at: now) } catch {
            return reply(.failure(ControlError(.invalidArgument, "Failed to record \(reminder.id) as intake: \(error.message); fix its amount in the config")))
        }
        let zone = zone
        let since = LocalDay.start(of: LocalDay.date(of: now, in: zone), in: zone)
        let id = reminder.id
        diary.run(refreshingIntake: zone, { [logger] store -> Result<(logged: String?, planned: Instant?), ControlError> in
            let planned: Instant?
            do throws(DiaryStoreError) {
                planned = try store.unconfirmedOccurrence(of: id, since: since)
                try store.record(ReminderEventRecord(reminderID: id, event: .done, planned: planned, actual: now), intake: intake)
            } catch {
                return .failure(Self.controlError(.store(error), logger: logger, nothingHappened: "nothing changed"))
            }
            return .success((intake.map { "Logged the " + $0.describe(in: zone) + "." }, planned))
        }, ifBusy: { .failure(Self.busy("write diary \(diary.store.path)", nothingHappened: "nothing changed")) }, replyOn: queue, reply: reply)
    }

    // MARK: Handlers

    func drink(milliliters: Int?, note: String?, then reply: @escaping DiaryReply) {
        let amount = milliliters ?? loaded.config.defaultDrinkMilliliters
        let (goals, zone) = (loaded.config.goals, zone)
        logging({ (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> DiaryLogged in
            try store.logDrink(milliliters: amount, note: note, goals: goals, zone: zone, now: now)
        }, then: reply)
    }

    func take(electrolyte name: String, milligrams: Int?, then reply: @escaping DiaryReply) {
        let choice = DoseChoice(name, milligrams: milligrams, in: loaded.config)
        if choice.isKnown && choice.milligrams == nil {
            return reply(.failure(ControlError(.invalidArgument,
                "No \(choice.electrolyte) reminder has an amount; say how much, e.g.: crampd ctl take \(choice.electrolyte) 200")))
        }
        let (goals, zone) = (loaded.config.goals, zone)
        logging({ (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> DiaryLogged in
            // An unknown name is refused by the store with the list of known ones.
            try store.logDose(electrolyte: choice.electrolyte, milligrams: choice.milligrams ?? 0, goals: goals, zone: zone, now: now)
        }, then: { [weak self] result in
            if case .success = result { self?.checkSupplies(immediate: true) }
            reply(result)
        })
    }

    func cramp(muscle: String?, severity: Int?, at: String?, note: String?, then reply: @escaping DiaryReply) {
        var parsedTime: TimeOfDay?
        if let at {
            guard let parsed = TimeSyntax.parseTime(at) else {
                return reply(.failure(ControlError(.invalidArgument, "expected a time like \"03:10\" for the cramp, got \"\(at)\"")))
            }
            parsedTime = parsed
        }
        let time = parsedTime
        let (goals, zone, journal, logger) = (loaded.config.goals, zone, journal, logger)
        logging({ (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> DiaryLogged in
            var logged = try store.logCramp(muscle: muscle, severity: severity ?? Cramp.defaultSeverity, at: time, note: note,
                                            goals: goals, zone: zone, now: now)
            if let notice = logged.insight {
                do throws(DiaryStoreError) { try Self.writeInsight(notice, now: now, journal: journal, store: store) } catch {
                    logger.error("\(error.description)")
                    logged.insight = nil
                }
            }
            return logged
        }, then: reply)
    }

    func undo(then reply: @escaping DiaryReply) {
        let zone = zone
        withDiary(refreshingIntake: true, { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            let (removed, message) = try store.undo(zone: zone)
            return .diary(DiaryChange(summary: message, entry: removed))
        }, then: reply)
    }

    func today(date text: String? = nil, then reply: @escaping DiaryReply) {
        var pastDay: PastDay?
        if let text {
            switch PastDay.parse(text, now: clockNow(), zone: zone) {
            case .success(let day): pastDay = day
            case .failure(let error): return reply(.failure(ControlError(.invalidArgument, error.message)))
            }
        }
        // An earlier day is shown as it ended, with nothing still due.
        let (config, zone, asOf) = (loaded.config, zone, pastDay?.lastInstant)
        let stillDue = pastDay == nil ? stillDueToday(now: clockNow()) : []
        withDiary({ (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            do throws(DiaryStoreError) {
                var summary = try store.today(goals: config.goals, zone: zone, now: asOf ?? now, stillDue: stillDue)
                if asOf == nil { summary.pace = WaterPace.status(config: config, waterToday: summary.waterMilliliters, now: now, zone: zone) }
                return .today(summary)
            } catch { throw .store(error) }
        }, then: reply)
    }

    func stats(days: Int, then reply: @escaping DiaryReply) {
        let (goals, zone) = (loaded.config.goals, zone)
        withDiary({ (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            do throws(DiaryStoreError) { return .stats(try store.stats(days: days, goals: goals, zone: zone, now: now)) } catch { throw .store(error) }
        }, then: reply)
    }

    func export(format: ExportFormat, since: String?, until: String?, kind: DiaryRecords.Kind?, then reply: @escaping DiaryReply) {
        var dates: [CivilDate?] = []
        for (text, option) in [(since, "--since"), (until, "--until")] {
            guard let text else { dates.append(nil); continue }
            guard let parsed = ArgumentText.date(text) else {
                return reply(.failure(ControlError(.invalidArgument, "expected a date like \"2026-11-01\" for \(option), got \"\(text)\"")))
            }
            dates.append(parsed)
        }
        let (zone, since, until) = (zone, dates[0], dates[1])
        withDiary({ (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            do throws(DiaryStoreError) {
                switch format {
                case .csv: return .export(DiaryExportResult(csv: try store.exportCSV(since: since, until: until, kind: kind, zone: zone)))
                case .json: return .export(DiaryExportResult(document: try store.exportDocument(since: since, until: until, kind: kind, zone: zone)))
                case .ics: preconditionFailure("BUG: export --ics is the schedule's, not the diary's")
                }
            } catch { throw .store(error) }
        }, then: reply)
    }

    func report(since: String, until: String?, then reply: @escaping DiaryReply) {
        func date(_ text: String, _ option: String) -> CivilDate? {
            if let d = ArgumentText.date(text) { return d }
            reply(.failure(ControlError(.invalidArgument, "expected a date like \"2026-11-01\" for \(option), got \"\(text)\"")))
            return nil
        }
        guard let first = date(since, "--since") else { return }
        var last: CivilDate?
        if let until { guard let d = date(until, "--until") else { return }; last = d }
        let (goals, zone) = (loaded.config.goals, zone)
        let span: ClosedRange<CivilDate>
        switch DiaryReport.span(since: first, until: last, today: LocalDay.date(of: clockNow(), in: zone)) {
        case .success(let s): span = s
        case .failure(let e): return reply(.failure(ControlError(.invalidArgument, e.message)))
        }
        withDiary({ (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            do throws(DiaryStoreError) {
                return .report(try store.report(span: span, goals: goals, zone: zone, now: now))
            } catch { throw .store(error) }
        }, then: reply)
    }

    // MARK: Helpers

    /// A `drink`, `take` or `cramp`: answered after its COMMIT; the agenda then sees the new intake.
    private func logging(_ body: @escaping @Sendable (DiaryStore, Instant) throws(DiaryCommandError) -> DiaryLogged,
                         then reply: @escaping DiaryReply) {
        withDiary(refreshingIntake: true, { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            let logged = try body(store, now)
            return .diary(DiaryChange(summary: logged.message, entry: logged.entry, today: logged.today, insight: logged.insight?.message))
        }, then: { [journal] result in
            if case .success(.diary(let change)) = result { DiaryEvent.entries(for: change).forEach(journal.write) }
            reply(result)
        })
    }

    /// Runs `body` on the diary queue and answers on the daemon's; a change (`refreshingIntake`)
    /// reaches the agenda before the answer.
    func withDiary(refreshingIntake: Bool = false,
                           _ body: @escaping @Sendable (DiaryStore, Instant) throws(DiaryCommandError) -> ControlResult,
                           then reply: @escaping DiaryReply) {
        guard let diary else {
            return reply(.failure(ControlError(.diaryUnavailable,
                "The diary is not available (\(diaryUnavailable ?? "not opened")); reminders keep running. Fix it, then: systemctl --user restart crampd")))
        }
        let clock = options.clock
        diary.run(refreshingIntake: refreshingIntake ? zone : nil, { [logger] store -> Result<ControlResult, ControlError> in
            do throws(DiaryCommandError) { return .success(try body(store, clock())) } catch {
                return .failure(Self.controlError(error, logger: logger, nothingHappened: "nothing was recorded"))
            }
        }, ifBusy: { .failure(Self.busy("write diary \(diary.store.path)", nothingHappened: "nothing was recorded")) }, replyOn: queue) { [unowned self] result in
            if refreshingIntake, case .success = result { advance() }
            reply(result)
        }
    }

    private static func controlError(_ error: DiaryCommandError, logger: Logger, nothingHappened: String) -> ControlError {
        switch error {
        case .invalid(let e): return ControlError(.invalidArgument, e.message)
        case .invalidImport(let index, let e): return ControlError(.invalidArgument, "record \(index + 1) of the import: \(e.message); nothing was imported")
        case .store(let e) where e.isBusy: return busy(e.action, nothingHappened: nothingHappened)
        case .store(let e):
            logger.error("\(e.description)")
            return ControlError(.internal, "\(e.description); \(nothingHappened)")
        }
    }

    /// `action` as in "Failed to <action>": "write diary PATH", "record drink in diary PATH".
    private static func busy(_ action: String, nothingHappened: String) -> ControlError {
        ControlError(.diaryBusy, "Failed to \(action): another program holds it locked "
            + "(a backup, the sqlite3 shell) for more than \(DiaryQueue.commandWaitMilliseconds / 1000) s; \(nothingHappened), retry when it is free")
    }

    /// The reminders the agenda will still fire today, for `today`.
    private func stillDueToday(now: Instant) -> [PendingReminder] {
        let end = LocalDay.interval(of: LocalDay.date(of: now, in: zone), in: zone).upperBound
        return upcoming(count: 200).occurrences.prefix { $0.at < end }.map { o in
            PendingReminder(reminderID: o.reminder, due: o.at, amountText: o.amount)
        }
    }
}
