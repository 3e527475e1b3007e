import CrampCore
import CrampProtocol
import Dispatch
import Glibc

/// `crampd ctl`: one exhaustive switch, one handler per command. Each handler
/// runs on the daemon queue and answers only after its change is saved; the diary's
/// handlers answer later, when their write committed on the diary's own queue.
extension Daemon: ControlHandler {
    public func handle(_ request: Request, from peer: PeerCredentials, reply: @escaping (Response) -> Void) {
        dispatchPrecondition(condition: .onQueue(queue))
        pagesTouched = true
        // The diary's answers come later, from its own queue, back on this one; the work behind
        // them (a large import's records) is given back at the next quiet wake-up too (`settle`).
        let answer: Daemon.DiaryReply = { [unowned self] result in
            pagesTouched = true
            switch result {
            case .success(let value): reply(.ok(value))
            case .failure(let error): reply(.error(error))
            }
        }
        switch request.command {
        case .status: answer(.success(.status(status())))
        case .list: answer(.success(.reminders(list())))
        case .next(let count): answer(.success(.upcoming(upcoming(count: count))))
        case .show(let id): answer(show(id).map(ControlResult.reminder))
        case .done(let id): done(id) { answer($0.map(ControlResult.action)) }
        case .snooze(let id, let duration): answer(snooze(id, for: duration).map(ControlResult.action))
        case .skip(let id, let extent): answer(skip(id, extent).map(ControlResult.action))
        case .trigger(let id): answer(trigger(id).map(ControlResult.action))
        case .pause(let length): answer(pause(length).map(ControlResult.action))
        case .resume: answer(resume().map(ControlResult.action))
        case .set(let id, let assignments, let runtime):
            answer(edit(.set(id: id, assignments: assignments), runtime: runtime).map(ControlResult.action))
        case .add(let id, let assignments, let runtime):
            answer(edit(.add(id: id, assignments: assignments), runtime: runtime).map(ControlResult.action))
        case .remove(let id, let runtime): answer(edit(.remove(id: id), runtime: runtime).map(ControlResult.action))
        case .reset(let id, let runtime): answer(reset(id, runtime: runtime).map(ControlResult.action))
        case .reload: answer(reload(trigger: "crampd ctl reload").map(ControlResult.action))
        case .notifyTest(let sample): answer(.success(.action(notifyTest(sample: sample))))
        // The diary: Daemon+Diary.swift.
        case .drink(let milliliters, let note): drink(milliliters: milliliters, note: note, then: answer)
        case .take(let electrolyte, let milligrams): take(electrolyte: electrolyte, milligrams: milligrams, then: answer)
        case .cramp(let muscle, let severity, let at, let note): cramp(muscle: muscle, severity: severity, at: at, note: note, then: answer)
        case .undo: undo(then: answer)
        case .today(let date): today(date: date, then: answer)
        case .stats(let days): stats(days: days, then: answer)
        case .export(.ics, _, _, _, let days): answer(.success(.export(DiaryExportResult(ics: calendar(days: days ?? 30)))))
        case .export(let format, let since, let until, let kind, _): export(format: format, since: since, until: until, kind: kind, then: answer)
        case .report(let since, let until): report(since: since, until: until, then: answer)
        case .importRecords(let batch, let records, let commit): importRecords(batch: batch, records: records, commit: commit, then: answer)
        // The server turns the connection into a watcher when it sends this answer (Daemon+Events.swift).
        case .watch: answer(.success(.action(ActionResult(summary: "Watching crampd's events as they happen; stop with Ctrl-C."))))
        case .stock(let electrolyte, let units): stock(electrolyte: electrolyte, units: units, then: answer)
        }
    }

    // MARK: Reading

    func status() -> StatusResult {
        StatusResult(version: CrampdBuild.version, pid: getpid(), runningSince: startedAt, configFiles: loaded.files,
                     lastReload: lastReload, pause: pauseState, next: nextOccurrence, configWarnings: loaded.warnings, zone: zone.name,
                     zoneFollowsSystem: ZoneSource.of(config: loaded.config, environment: options.environment).followsSystem,
                     presence: PresenceStatus(presence, heldReminders: state.held.count))
    }

    /// The first firing of the current plan, a pending follow-up included: what the timer is armed for.
    var nextOccurrence: UpcomingOccurrence? {
        let followUp = plan.entries.compactMap { entry in entry.followUp.map { (entry.reminderID, $0) } }.min { $0.1.fireAt < $1.1.fireAt }
        if let (id, pending) = followUp, plan.first?.next.map({ pending.fireAt < $0.fireAt }) ?? true,
           let reminder = loaded.config.reminder(id: id) {
            return UpcomingOccurrence(reminder: id, kind: reminder.kind.rawValue, at: pending.fireAt, message: reminder.message,
                                      amount: reminder.amountText, followUp: FollowUpCount(number: pending.number, of: pending.of))
        }
        guard let first = plan.first, let next = first.next, let reminder = loaded.config.reminder(id: first.reminderID) else {
            return nil
        }
        return UpcomingOccurrence(reminder: reminder.id, kind: reminder.kind.rawValue, at: next.fireAt,
                          message: reminder.message, amount: reminder.amountText)
    }

    func list() -> ReminderList {
        ReminderList(reminders: loaded.config.reminders.map(row), pause: pauseState, zone: zone.name)
    }

    /// The next `count` firings of all reminders, in time order, as the agenda will produce them.
    func upcoming(count: Int) -> UpcomingList {
        let now = clockNow()
        let firings = Agenda.upcoming(config: loaded.config, zone: zone, state: state, now: now,
                                      intake: smartFacts(at: now).intake, count: count)
        return UpcomingList(occurrences: firings.compactMap { firing in
            loaded.config.reminder(id: firing.reminderID).map { reminder in
                UpcomingOccurrence(reminder: reminder.id, kind: reminder.kind.rawValue, at: firing.fireAt,
                           message: reminder.message, amount: reminder.amountText,
                           followUp: firing.followUp.map { FollowUpCount(number: $0.number, of: $0.of) })
            }
        }, zone: zone.name)
    }

    func show(_ id: String) -> Result<ReminderDetail, ControlError> {
        lookUp(id).map { reminder in
            let upcomingTimes = upcoming(count: 200).occurrences.filter { $0.reminder == id }.prefix(5).map(\.at)
            return ReminderDetail(row: row(reminder), message: reminder.message, amount: reminder.amountText,
                                  electrolyte: reminder.electrolyte?.rawValue, lastDone: state.reminders[id]?.lastDone,
                                  catchUp: (reminder.catchUp ?? loaded.config.daemon.catchUp).rawValue,
                                  skipIfLoggedWithin: reminder.skipIfLoggedWithin,
                                  definedAt: definingFile(of: id), runtimeChange: hasRuntimeChange(id),
                                  upcoming: Array(upcomingTimes), zone: zone.name)
        }
    }

    // MARK: Changing state

    func done(_ id: String, via channel: AnswerChannel = .ctl, then reply: @escaping (Result<ActionResult, ControlError>) -> Void) {
        var reminder: Reminder
        switch lookUp(id) {
        case .success(let found): reminder = found
        case .failure(let error): return reply(.failure(error))
        }
        if let paced = pacedAmounts[id] { reminder.amount = paced }
        let now = clockNow()
        // The diary first (event and intake in one COMMIT): if it fails, nothing changed.
        recordDone(reminder, at: now) { [unowned self] recorded in
            reply(recorded.flatMap { (logged, planned) in
                apply(state.recordingDone(id, at: now)).map {
                    awaitingAnswer[id] = nil
                    pacedAmounts[id] = nil
                    if reminder.kind == .electrolyte { checkSupplies(immediate: true) }
                    journal.write(channel.marking(ReminderEvent(kind: .done, reminder: reminder, due: planned, at: now,
                                                                note: reminder.amountText.map { "\($0) recorded" }).journalEntry))
                    advance()
                    return ActionResult(summary: "Marked \(id) as done." + (logged.map { " " + $0 } ?? ""), reminder: id,
                                        next: nextFiring(of: id))
                }
            })
        }
    }

    func snooze(_ id: String, for duration: TimeSpan?, via channel: AnswerChannel = .ctl) -> Result<ActionResult, ControlError> {
        lookUp(id).flatMap { reminder in
            let now = clockNow()
            let until = now + (duration ?? loaded.config.daemon.snooze)
            return apply(state.recordingSnooze(id, until: until, now: now)).map {
                emit(ReminderEvent(kind: .snoozed, reminder: reminder, due: answeredOccurrence(of: id, now: now), at: now,
                                   note: "until \(format(until))", snoozedUntil: until), via: channel)
                advance()
                return ActionResult(summary: "Snoozed \(id) until \(format(until)).", reminder: id, next: nextFiring(of: id))
            }
        }
    }

    func skip(_ id: String, _ extent: SkipExtent = .next(1)) -> Result<ActionResult, ControlError> {
        lookUp(id).flatMap { _ in
            let now = clockNow()
            let snoozeEnd = state.reminders[id]?.snoozedUntil
            let followUp = state.reminders[id]?.followUp, followUpAt = plan.entry(for: id)?.followUp?.fireAt
            let newState: AgendaState
            switch extent {
            case .next(let count): newState = state.recordingSkip(id, count: count, now: now)
            case .until(let until):
                guard until > now else {
                    return .failure(ControlError(.badRequest, "Cannot skip \(id) until \(format(until)): that is in the past"))
                }
                newState = state.recordingSkip(id, until: until, now: now)
            }
            return apply(newState).map {
                advance()
                // What the new plan will drop: the snooze's end (when skipping dropped it), then scheduled occurrences.
                let droppedSnooze = snoozeEnd.flatMap { state.reminders[id]?.snoozedUntil == nil && $0 > now ? $0 : nil }
                // A pending follow-up dropped: its occurrence is answered, skipped (not missed later).
                let droppedFollowUp = followUp.flatMap { state.reminders[id]?.followUp == nil ? $0 : nil }
                if let droppedFollowUp, let reminder = loaded.config.reminder(id: id) {
                    emit(ReminderEvent(kind: .skipped, reminder: reminder, due: droppedFollowUp.due, at: now, note: SkipReason.requested.wording))
                }
                let dropped = (droppedSnooze.map { [$0] } ?? []) + (droppedFollowUp.map { [followUpAt ?? $0.nextAt] } ?? [])
                    + (plan.entry(for: id)?.skipped ?? [])
                let summary = SkipSummary.text(reminder: id, extent: extent, dropped: dropped, format: format)
                return ActionResult(summary: summary, reminder: id, next: nextFiring(of: id))
            }
        }
    }

    /// Fires a reminder now through every outlet, to try it; its schedule and state do not change.
    func trigger(_ id: String) -> Result<ActionResult, ControlError> {
        lookUp(id).map { reminder in
            let now = clockNow()
            let event = ReminderEvent(kind: .due, reminder: reminder, due: now, at: now, note: "triggered")
            journal.write(event.journalEntry)
            desktop?.show(event)
            return ActionResult(summary: "Triggered \(id) now.", reminder: id, next: nextFiring(of: id))
        }
    }

    func pause(_ length: PauseLength) -> Result<ActionResult, ControlError> {
        let now = clockNow()
        let until: Instant?
        switch length {
        case .indefinitely: until = nil
        case .duration(let span): until = now + span
        case .until(let instant):
            guard instant > now else {
                return .failure(ControlError(.badRequest, "Cannot pause until \(format(instant)): that is in the past"))
            }
            until = instant
        }
        return apply(state.paused(now: now, until: until)).map {
            advance()
            // "until tomorrow, Mon …": a time of day already past today means tomorrow; say so.
            let day = { (t: Instant) in LocalTimeText.relativeDay(of: t, now: now, zone: self.zone).map { "\($0), " } ?? "" }
            let summary = until.map { "Paused all reminders until \(day($0))\(format($0))." } ?? "Paused all reminders until crampd ctl resume."
            logger.notice("\(summary)", metadata: [JournalLogHandler.messageIDKey: "\(JournalMessageID.paused.rawValue)", "event": "paused"])
            return ActionResult(summary: summary, pause: pauseState)
        }
    }

    func resume() -> Result<ActionResult, ControlError> {
        guard pauseState != nil else { return .success(ActionResult(summary: "Not paused; nothing to resume.")) }
        return apply(state.resumed(now: clockNow())).map {
            advance()
            logger.notice("Resumed reminders", metadata: [JournalLogHandler.messageIDKey: "\(JournalMessageID.resumed.rawValue)", "event": "resumed"])
            return ActionResult(summary: "Resumed reminders.", next: plan.first?.next?.fireAt)
        }
    }

    // MARK: Helpers

    /// Saves a new state; the reply waits for this, so a failed save is the reply.
    private func apply(_ newState: AgendaState) -> Result<Void, ControlError> {
        if let error = commit(newState) {
            return .failure(ControlError(.internal, "\(error); the change is in effect until crampd stops"))
        }
        return .success(())
    }

    /// The planned time of the occurrence a `snooze` answers: the latest that fired today and
    /// is not confirmed yet, as this daemon saw it fire (kept in memory: the diary is never read
    /// on this queue); nil when none is waiting. `done` asks the diary, on its own queue.
    func answeredOccurrence(of id: String, now: Instant) -> Instant? {
        guard let due = awaitingAnswer[id] else { return nil }
        return due >= LocalDay.start(of: LocalDay.date(of: now, in: zone), in: zone) ? due : nil
    }

    func lookUp(_ id: String) -> Result<Reminder, ControlError> {
        if let reminder = loaded.config.reminder(id: id) { return .success(reminder) }
        let hint = DidYouMean.hint(for: id, among: loaded.config.reminders.map(\.id))
        return .failure(ControlError(.notFound, "No reminder \"\(id)\"\(hint); see: crampd ctl list"))
    }

    func nextFiring(of id: String) -> Instant? { plan.entry(for: id)?.next?.fireAt }

    var pauseState: PauseState? {
        guard let pause = state.pause, pause.covers(clockNow()) else { return nil }
        return PauseState(since: pause.since, until: pause.until)
    }

    private func row(_ reminder: Reminder) -> ReminderRow {
        let entry = plan.entry(for: reminder.id)
        let stored = state.reminders[reminder.id]
        return ReminderRow(id: reminder.id, kind: reminder.kind.rawValue, enabled: reminder.enabled,
                           next: entry?.next?.fireAt, last: stored?.lastFired,
                           schedule: ScheduleWording.describe(reminder),
                           snoozedUntil: stored?.snoozedUntil, skipping: entry?.skipping != nil,
                           followUp: entry?.followUp.map { PendingFollowUpState(at: $0.fireAt, count: FollowUpCount(number: $0.number, of: $0.of), due: $0.due) })
    }
}
