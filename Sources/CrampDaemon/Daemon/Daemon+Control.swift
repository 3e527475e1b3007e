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
        case .skip(let id, let extent): result = skip(id, extent).map(ControlResult.action)
        case .trigger(let id): result = trigger(id).map(ControlResult.action)
        case .pause(let length): result = pause(length).map(ControlResult.action)
        case .resume: result = resume().map(ControlResult.action)
        case .set(let id, let assignments, let runtime):
            result = edit(.set(id: id, assignments: assignments), runtime: runtime).map(ControlResult.action)
        case .add(let id, let assignments, let runtime):
            result = edit(.add(id: id, assignments: assignments), runtime: runtime).map(ControlResult.action)
        case .remove(let id, let runtime): result = edit(.remove(id: id), runtime: runtime).map(ControlResult.action)
        case .reset(let id, let runtime): result = reset(id, runtime: runtime).map(ControlResult.action)
        case .reload: result = reload(trigger: "crampd ctl reload").map(ControlResult.action)
        case .notifyTest(let sample): result = .success(.action(notifyTest(sample: sample)))
        // The diary: Daemon+Diary.swift.
        case .drink(let milliliters, let note): result = drink(milliliters: milliliters, note: note)
        case .take(let electrolyte, let milligrams): result = take(electrolyte: electrolyte, milligrams: milligrams)
        case .cramp(let muscle, let severity, let at, let note): result = cramp(muscle: muscle, severity: severity, at: at, note: note)
        case .undo: result = undo()
        case .today(let date): result = today(date: date)
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
                     lastReload: lastReload, pause: pauseState, next: nextOccurrence)
    }

    /// The first firing of the current plan: what the timer is armed for.
    private var nextOccurrence: Occurrence? {
        guard let first = plan.first, let next = first.next, let reminder = loaded.config.reminder(id: first.reminderID) else {
            return nil
        }
        return Occurrence(reminder: reminder.id, kind: reminder.kind.rawValue, at: next.fireAt,
                          message: reminder.message, amount: reminder.amountText)
    }

    func list() -> ReminderList {
        ReminderList(reminders: loaded.config.reminders.map(row), pause: pauseState)
    }

    /// The next `count` firings of all reminders, merged in time order, as the
    /// agenda will produce them (quiet hours, pause, snoozes and skips included):
    /// simulated by stepping a copy of the state from firing to firing.
    func upcoming(count: Int) -> UpcomingList {
        var occurrences: [Occurrence] = []
        var simulated = state
        var now = WallClock.now()
        // Today's intake (goal met, drink logged recently) holds for today only: applied to
        // every day, a met goal would skip hydration forever and this loop would never end.
        let todayIntake = smartFacts(at: now).intake
        let endOfToday = LocalDay.interval(of: LocalDay.date(of: now, in: zone), in: zone).upperBound
        func intake(at t: Instant) -> IntakeFacts { t < endOfToday ? todayIntake : .none }
        var stepPlan = Agenda.plan(config: loaded.config, zone: zone, state: simulated, now: now, intake: intake(at: now))
        simulated = Agenda.step(config: loaded.config, zone: zone, state: simulated, now: now, intake: intake(at: now)).state
        var steps = 0
        while occurrences.count < count, let wake = stepPlan.nextWake, steps < Self.maximumSimulatedSteps {
            now = wake
            steps += 1
            let step = Agenda.step(config: loaded.config, zone: zone, state: simulated, now: now, intake: intake(at: now))
            for case .fire(let firing) in step.actions where occurrences.count < count {
                guard let reminder = loaded.config.reminder(id: firing.reminderID) else { continue }
                occurrences.append(Occurrence(reminder: reminder.id, kind: reminder.kind.rawValue, at: firing.fireAt,
                                              message: reminder.message, amount: reminder.amountText))
            }
            simulated = step.state
            stepPlan = step.plan
        }
        return UpcomingList(occurrences: occurrences)
    }

    /// A wake that fires nothing (a skip) still costs a step; this bounds the simulation whatever the rules.
    static let maximumSimulatedSteps = 100_000

    func show(_ id: String) -> Result<ReminderDetail, ControlError> {
        lookUp(id).map { reminder in
            let upcomingTimes = upcoming(count: 200).occurrences.filter { $0.reminder == id }.prefix(5).map(\.at)
            return ReminderDetail(row: row(reminder), message: reminder.message, amount: reminder.amountText,
                                  electrolyte: reminder.electrolyte?.rawValue, lastDone: state.reminders[id]?.lastDone,
                                  catchUp: (reminder.catchUp ?? loaded.config.daemon.catchUp).rawValue,
                                  skipIfLoggedWithin: reminder.skipIfLoggedWithin,
                                  definedAt: definingFile(of: id), runtimeChange: hasRuntimeChange(id),
                                  upcoming: Array(upcomingTimes))
        }
    }

    // MARK: Changing state

    func done(_ id: String, via channel: AnswerChannel = .ctl) -> Result<ActionResult, ControlError> {
        lookUp(id).flatMap { reminder in
            let now = WallClock.now()
            let planned = answeredOccurrence(of: id, now: now)
            // The diary first (event and intake in one COMMIT): if it fails, nothing changed.
            return recordDone(reminder, at: now).flatMap { logged in
                apply(state.recordingDone(id, at: now)).map {
                    journal.write(channel.marking(ReminderEvent(kind: .done, reminder: reminder, due: planned, at: now,
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
            let now = WallClock.now()
            let until = now + (duration ?? loaded.config.daemon.snooze)
            return apply(state.recordingSnooze(id, until: until, now: now)).map {
                emit(ReminderEvent(kind: .snoozed, reminder: reminder, due: answeredOccurrence(of: id, now: now), at: now,
                                   note: "until \(format(until))", snoozedUntil: until), facts: nil, via: channel)
                advance()
                return ActionResult(summary: "Snoozed \(id) until \(format(until)).", reminder: id, next: nextFiring(of: id))
            }
        }
    }

    func skip(_ id: String, _ extent: SkipExtent = .next(1)) -> Result<ActionResult, ControlError> {
        lookUp(id).flatMap { _ in
            let now = WallClock.now()
            let snoozeEnd = state.reminders[id]?.snoozedUntil
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
                let dropped = (droppedSnooze.map { [$0] } ?? []) + (plan.entry(for: id)?.skipped ?? [])
                let summary = SkipSummary.text(reminder: id, extent: extent, dropped: dropped, format: format)
                return ActionResult(summary: summary, reminder: id, next: nextFiring(of: id))
            }
        }
    }

    /// Fires a reminder now through every outlet, to try it; its schedule and state do not change.
    func trigger(_ id: String) -> Result<ActionResult, ControlError> {
        lookUp(id).map { reminder in
            let now = WallClock.now()
            let event = ReminderEvent(kind: .due, reminder: reminder, due: now, at: now, note: "triggered")
            journal.write(event.journalEntry)
            desktop?.show(event)
            return ActionResult(summary: "Triggered \(id) now.", reminder: id, next: nextFiring(of: id))
        }
    }

    func pause(_ length: PauseLength) -> Result<ActionResult, ControlError> {
        let now = WallClock.now()
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
            logger.notice("\(summary)", metadata: [JournalLogHandler.messageIDKey: "\(JournalMessageID.paused.rawValue)"])
            return ActionResult(summary: summary, pause: pauseState)
        }
    }

    func resume() -> Result<ActionResult, ControlError> {
        guard pauseState != nil else { return .success(ActionResult(summary: "Not paused; nothing to resume.")) }
        return apply(state.resumed(now: WallClock.now())).map {
            advance()
            logger.notice("Resumed reminders", metadata: [JournalLogHandler.messageIDKey: "\(JournalMessageID.resumed.rawValue)"])
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

    /// The planned time of the occurrence a `done` or `snooze` answers: the latest that fired
    /// today and is not confirmed yet (as the diary records it); nil when none is waiting.
    func answeredOccurrence(of id: String, now: Instant) -> Instant? {
        try? diary?.unconfirmedOccurrence(of: id, since: LocalDay.start(of: LocalDay.date(of: now, in: zone), in: zone))
    }

    func lookUp(_ id: String) -> Result<Reminder, ControlError> {
        if let reminder = loaded.config.reminder(id: id) { return .success(reminder) }
        let hint = DidYouMean.hint(for: id, among: loaded.config.reminders.map(\.id))
        return .failure(ControlError(.notFound, "No reminder \"\(id)\"\(hint); see: crampd ctl list"))
    }

    func nextFiring(of id: String) -> Instant? { plan.entry(for: id)?.next?.fireAt }

    var pauseState: PauseState? {
        guard let pause = state.pause, pause.covers(WallClock.now()) else { return nil }
        return PauseState(since: pause.since, until: pause.until)
    }

    private func row(_ reminder: Reminder) -> ReminderRow {
        let entry = plan.entry(for: reminder.id)
        let stored = state.reminders[reminder.id]
        return ReminderRow(id: reminder.id, kind: reminder.kind.rawValue, enabled: reminder.enabled,
                           next: entry?.next?.fireAt, last: stored?.lastFired,
                           schedule: ScheduleWording.describe(reminder.schedule),
                           snoozedUntil: stored?.snoozedUntil, skipping: entry?.skipping != nil)
    }
}
