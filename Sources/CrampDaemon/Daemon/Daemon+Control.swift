import CrampCore
import CrampProtocol
import Dispatch
import Glibc

/// `crampd ctl`: one exhaustive switch, one handler per command. Each handler
/// runs on the daemon queue and answers only after its change is saved.
extension Daemon: ControlHandler {
    public func handle(_ request: Request, from peer: PeerCredentials) -> Response {
        dispatchPrecondition(condition: .onQueue(queue))
        pagesTouched = true
        let result: Result<ControlResult, ControlError>
        switch request.command {
        case .status: result = .success(.status(status()))
        case .list: result = .success(.reminders(list()))
        case .next(let count): result = .success(.upcoming(upcoming(count: count)))
        case .show(let id): result = show(id).map(ControlResult.reminder)
        case .done(let id): result = done(id).map(ControlResult.action)
        case .snooze(let id, let duration): result = snooze(id, for: duration).map(ControlResult.action)
        case .skip(let id): result = skip(id).map(ControlResult.action)
        case .trigger(let id): result = trigger(id).map(ControlResult.action)
        case .pause(let length): result = pause(length).map(ControlResult.action)
        case .resume: result = resume().map(ControlResult.action)
        case .set(let id, let assignments, let runtime):
            result = edit(.set(id: id, assignments: assignments), runtime: runtime).map(ControlResult.action)
        case .add(let id, let assignments, let runtime):
            result = edit(.add(id: id, assignments: assignments), runtime: runtime).map(ControlResult.action)
        case .remove(let id, let runtime): result = edit(.remove(id: id), runtime: runtime).map(ControlResult.action)
        case .reset(let id, let runtime): result = edit(.reset(id: id), runtime: runtime).map(ControlResult.action)
        case .reload: result = reload(trigger: "crampd ctl reload").map(ControlResult.action)
        case .notifyTest(let sample): result = .success(.action(notifyTest(sample: sample)))
        // The diary: Daemon+Diary.swift.
        case .drink(let milliliters, let note): result = drink(milliliters: milliliters, note: note)
        case .take(let electrolyte, let milligrams): result = take(electrolyte: electrolyte, milligrams: milligrams)
        case .cramp(let muscle, let severity, let at, let note): result = cramp(muscle: muscle, severity: severity, at: at, note: note)
        case .undo: result = undo()
        case .today: result = today()
        case .stats(let days): result = stats(days: days)
        case .export(let format, let since): result = export(format: format, since: since)
        }
        switch result {
        case .success(let value): return .ok(value)
        case .failure(let error): return .error(error)
        }
    }

    // MARK: Reading

    func status() -> StatusResult {
        StatusResult(version: CrampdBuild.version, pid: getpid(), runningSince: startedAt, configFiles: loaded.files,
                     lastReload: lastReload, pause: pauseState, next: nextOccurrence, zone: zone.name,
                     zoneFollowsSystem: ZoneSource.of(config: loaded.config, environment: options.environment).followsSystem)
    }

    /// The first firing of the current plan: what the timer is armed for.
    private var nextOccurrence: UpcomingOccurrence? {
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
                           message: reminder.message, amount: reminder.amountText)
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

    func done(_ id: String, via channel: AnswerChannel = .ctl) -> Result<ActionResult, ControlError> {
        lookUp(id).flatMap { reminder in
            let now = clockNow()
            // The diary first (event and intake in one COMMIT): if it fails, nothing changed.
            return recordDone(reminder, at: now).flatMap { logged in
                apply(state.recordingDone(id, at: now)).map {
                    journal.write(channel.marking(ReminderEvent(kind: .done, reminder: reminder, due: now, at: now,
                                                                note: reminder.amountText.map { "\($0) recorded" }).journalEntry))
                    advance()
                    return ActionResult(summary: "Marked \(id) as done." + (logged.map { " " + $0 } ?? ""), reminder: id,
                                        next: nextFiring(of: id))
                }
            }
        }
    }

    func snooze(_ id: String, for duration: TimeSpan?, via channel: AnswerChannel = .ctl) -> Result<ActionResult, ControlError> {
        lookUp(id).flatMap { reminder in
            let now = clockNow()
            let until = now + (duration ?? loaded.config.daemon.snooze)
            return apply(state.recordingSnooze(id, until: until, now: now)).map {
                emit(ReminderEvent(kind: .snoozed, reminder: reminder, due: until, at: now, note: "until \(format(until))"), via: channel)
                advance()
                return ActionResult(summary: "Snoozed \(id) until \(format(until)).", reminder: id, next: nextFiring(of: id))
            }
        }
    }

    func skip(_ id: String) -> Result<ActionResult, ControlError> {
        lookUp(id).flatMap { _ in
            let skipped = nextFiring(of: id)
            return apply(state.recordingSkip(id, now: clockNow())).map {
                advance()
                let what = skipped.map { "the one at \(format($0))" } ?? "its next occurrence"
                return ActionResult(summary: "Skipping \(what) of \(id).", reminder: id, next: nextFiring(of: id))
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
            let summary = until.map { "Paused all reminders until \(format($0))." } ?? "Paused all reminders until crampd ctl resume."
            logger.notice("\(summary)")
            return ActionResult(summary: summary, pause: pauseState)
        }
    }

    func resume() -> Result<ActionResult, ControlError> {
        guard pauseState != nil else { return .success(ActionResult(summary: "Not paused; nothing to resume.")) }
        return apply(state.resumed(now: clockNow())).map {
            advance()
            logger.notice("Resumed reminders")
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
                           snoozedUntil: stored?.snoozedUntil, skipping: entry?.skipping != nil)
    }
}
