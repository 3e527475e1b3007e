import CrampCore
import CrampProtocol
import Dispatch
import Glibc
import Logging
import Systemd

/// The daemon: one serial queue owns all state; signals, the control socket and
/// the one reminder timer only enqueue work on it.
///
/// Every change follows the same path: a pure function computes the new
/// `AgendaState` (and `Agenda.step` what to do now), the state is saved, the
/// outlets are told, the timer is re-armed, systemd's STATUS= is updated.
public final class Daemon: @unchecked Sendable {  // all mutable state confined to `queue`
    let queue = DispatchQueue(label: "crampd.daemon")
    let options: DaemonOptions
    let journal: JournalWriter
    let logger: Logger
    let startedAt: Instant
    let stateFile: StateFile<AgendaState>

    var loaded: LoadedConfig
    var zone: Zone
    var state: AgendaState
    var plan: AgendaPlan
    var lastReload: ReloadOutcome
    /// Leads STATUS= while the config files have errors: "config error, kept the previous config: …".
    var configProblem: String?
    /// The diary (Daemon+Diary.swift); nil when it could not be opened: reminders go on,
    /// diary commands answer with `diaryUnavailable`.
    var diary: DiaryQueue?
    var diaryUnavailable: String?
    /// Today's intake as last read from the diary, for the smart rules; and the day a fresh
    /// read was last asked for (Daemon+Diary.swift).
    var intake: IntakeSnapshot?
    var intakeRequestedDay: Range<Instant>?

    private var timer: ReminderTimer?
    private var signals: SignalWatcher?
    private var watchdog: DispatchSourceTimer?
    /// Watches `/etc/localtime` while the zone follows the system's (Daemon+Zone.swift).
    var zoneWatcher: ZoneWatcher?
    /// `start` ran: watches and timers exist only in a serving daemon, not in a test's.
    var serving = false
    private var socket: ControlSocket?
    var server: ControlServer?
    /// Desktop notifications, when `[daemon] notify` has "desktop" (see Daemon+Desktop.swift).
    var desktop: DesktopOutlet?
    /// The planned time of each reminder's latest fired occurrence not yet done (see `answeredOccurrence`).
    /// The amount each `pace = true` reminder last fired with: Done logs that, not the configured one.
    var pacedAmounts: [String: Int] = [:]
    /// When each supply's refill notice last reached the journal, and when supplies were last read (Daemon+Supply.swift).
    var refillJournaled: [Electrolyte: Instant] = [:]
    var lastSupplyCheck: Instant?
    var awaitingAnswer: [String: Instant] = [:]
    /// Whether the person can see a popup: every presence source's latest signal (Daemon+Presence.swift).
    var presence = Presence.present
    /// The X server's idle counter, while `away_after` is on and DISPLAY set (Daemon+X11Idle.swift).
    var x11Idle: X11IdleWatcher?
    var x11IdleSetting: X11IdleSetting?
    /// The records of a `crampd ctl import` still arriving (Daemon+Import.swift).
    var importStaging: ImportStaging?
    /// Runs `[[hook]]`s; made at the first event a hook names (Daemon+Events.swift).
    var hookRunner: HookRunner?
    /// logind's lock, idle and sleep (Daemon+PresenceSources.swift).
    var logindWatcher: LogindWatcher?
    /// The screen saver; KDE's, mako's and GNOME's do-not-disturb (Daemon+PresenceSources.swift).
    var sessionPresenceWatcher: SessionPresenceWatcher?
    /// Code pages were touched since they were last given back (`settle`).
    var pagesTouched = false

    /// Loads config and state; nothing runs until `start`.
    init(options: DaemonOptions, journal: JournalWriter, logger: Logger, loaded: LoadedConfig, now: Instant) {
        self.options = options
        self.journal = journal
        self.logger = logger
        self.startedAt = now
        self.loaded = loaded
        self.zone = Daemon.zone(for: loaded.config, options: options, logger: logger)
        self.stateFile = StateFile(path: options.statePath)
        self.state = .empty
        self.plan = AgendaPlan(now: now, entries: [], dueNow: [], nextWake: nil)
        self.lastReload = ReloadOutcome(at: now, succeeded: true)
        self.state = loadState(now: now).started(at: now)
        openDiary(now: now)
    }

    /// Starts serving: the socket, signals, the timer, the watchdog and the
    /// desktop outlet, fires what is due, then READY=1.
    func start(socket: ControlSocket) {
        queue.sync {
            self.socket = socket
            let server = ControlServer(socket: socket, queue: queue, handler: self)
            self.server = server
            server.start()
            tapEvents()
            timer = ReminderTimer(queue: queue) { [unowned self] in
                self.advance()
                self.pagesTouched = true
                self.settle(quietFor: .seconds(60))
            }
            signals = SignalWatcher(queue: queue,
                                    reload: { [unowned self] in _ = self.reload(trigger: "SIGHUP") },
                                    stop: { [unowned self] signal in self.stop(signal: signal) })
            startWatchdog()
            serving = true
            updateZoneWatcher()
            updateDesktopOutlet()
            startPresenceSources()
            // "started" first: the missed and catch-up entries the first step writes follow it.
            logger.notice("crampd \(CrampdBuild.version) started with \(loaded.config.reminders.count) reminders from \(loaded.files.joined(separator: ", "))",
                          metadata: [JournalLogHandler.messageIDKey: "\(JournalMessageID.daemonStarted.rawValue)"])
            logConfigWarnings()
            // After "started": a person already away makes the first step hold what is due.
            updateX11Idle()
            advance()
            checkCrampInsight(now: clockNow())
            notify { try ServiceManager.ready(status: statusLine) }
        }
        IdlePages.release()
    }

    /// Gives back the code pages a command or a reminder touched, at a wake-up the daemon
    /// has anyway (a reminder, a watchdog ping), when nothing else is due within `quietFor`:
    /// idle RSS stays where start-up left it without a wake-up of its own.
    func settle(quietFor: TimeSpan) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard pagesTouched else { return }
        if let next = plan.nextWake, next < clockNow() + quietFor { return }
        IdlePages.release()
        pagesTouched = false
    }

    // MARK: The one path every change takes

    /// Steps the agenda at the current time: acts on what is due, saves, re-arms.
    /// Called by the timer, after every command, and after a reload.
    func advance() {
        dispatchPrecondition(condition: .onQueue(queue))
        let now = clockNow()
        let step = Agenda.step(config: loaded.config, zone: zone, state: state, now: now, intake: smartFacts(at: now).intake,
                               holding: presence.holdReasons)
        // Saved before the outlets hear of it: after a crash a reminder is
        // never repeated (the window between the two is a few microseconds).
        commit(step.state)
        if let notice = step.rateLimited { logger.warning("\(notice.message)") }
        for action in step.actions { deliver(action, now: now) }
        if let behind = step.behind { emit(.behind(behind, at: now)) }
        // The first check after start tells at once (nothing told yet), later ones at most once a day.
        if serving { checkSupplies(immediate: false) }
        plan = step.plan
        timer?.arm(at: plan.nextWake)
        notify { try ServiceManager.status(statusLine) }
    }

    /// Makes `newState` the state and saves it; a failed save is logged, and
    /// the state stays in memory so the daemon keeps working.
    @discardableResult
    func commit(_ newState: AgendaState) -> FileSystemError? {
        state = newState
        do {
            try stateFile.save(newState)
            return nil
        } catch {
            logger.error("\(error), keeping the state in memory only")
            return error
        }
    }

    /// What the outlets (journal, desktop, diary) hear of one agenda action.
    private func deliver(_ action: AgendaAction, now: Instant) {
        if case .back(let report) = action { return tellBack(report, now: now) }
        guard let id = action.reminderID, let reminder = loaded.config.reminder(id: id) else {
            preconditionFailure("BUG: agenda acted on unknown reminder \(action.reminderID ?? "(none)")")
        }
        var event: ReminderEvent
        switch action {
        case .fire(let firing) where firing.reason == .followUp:
            event = ReminderEvent(kind: .repeat, reminder: reminder, due: firing.due, at: now, lateFrom: firing.fireAt,
                                  followUp: firing.followUp)
        case .fire(let firing):
            let kind: ReminderEventKind = firing.reason == .catchUp ? .catchUp : .due
            // A catch-up's firing time is now: its lateness counts from the occurrence it stands for;
            // one found late while crampd ran says why.
            let note = firing.reason == .snoozed ? "snoozed"
                : firing.whileAsleep ? "missed while the machine slept"
                : firing.lateWhileRunning ? "crampd was held up (stopped or suspended)" : nil
            var paced = reminder
            if let ml = firing.pacedMilliliters { paced.amount = ml }
            var fired = ReminderEvent(kind: kind, reminder: paced, due: firing.due, at: now,
                                      lateFrom: firing.reason == .catchUp ? nil : firing.fireAt, note: note)
            if let spacing = firing.spacedAfterDose { fired.markSpaced(spacing, zone: zone) }
            if let ml = firing.pacedMilliliters { fired.aside = "about \(ml) ml now keeps the day on track" }
            fired.throughDoNotDisturb = firing.throughDoNotDisturb
            event = fired
        case .missed(_, let missed) where missed.unansweredFollowUps != nil:
            let repeats = missed.unansweredFollowUps ?? 0
            event = ReminderEvent(kind: .missed, reminder: reminder, due: missed.latestDue, at: now,
                                  note: "unanswered after \(repeats) follow-up\(repeats == 1 ? "" : "s")")
        case .missed(_, let missed):
            let count = missed.countIsLowerBound ? "more than \(missed.count)" : "\(missed.count)"
            event = ReminderEvent(kind: .missed, reminder: reminder, due: missed.latestDue, at: now,
                                  note: "\(count) time\(missed.count == 1 ? "" : "s") since \(format(missed.earliestDue))"
                                      + (missed.whileAsleep ? ", while the machine slept" : ""))
        case .skipped(_, let due, let reason):
            event = ReminderEvent(kind: .skipped, reminder: reminder, due: due, at: now, note: reason.wording)
        case .silenced(_, let count, let latestDue):
            event = ReminderEvent(kind: .skipped, reminder: reminder, due: latestDue, at: now,
                                  note: "paused (\(count) time\(count == 1 ? "" : "s"))")
        case .held(let held):
            event = ReminderEvent(kind: .held, reminder: reminder, due: held.due, at: now, lateFrom: held.heldAt)
            event.heldReason = held.reason
        case .back:
            preconditionFailure("BUG: back is told above")
        }
        emit(event)
    }

    // MARK: Shutdown

    private func stop(signal: Int32) {
        let name = signal == SIGTERM ? "SIGTERM" : "SIGINT"
        notify { try ServiceManager.stopping(status: "Stopping on \(name)") }
        logger.info("Stopping on \(name)", metadata: [JournalLogHandler.messageIDKey: "\(JournalMessageID.daemonStopping.rawValue)"])
        server?.stop()
        socket?.close()
        timer?.cancel()
        watchdog?.cancel()
        zoneWatcher?.cancel()
        signals?.cancel()
        // Queued reminder events written, the WAL folded into diary.sqlite.
        diary?.finish(within: 3_000)
        exit(0)
    }

    // MARK: systemd

    /// One line for `systemctl --user status crampd`.
    var statusLine: String {
        let line = heldStatus.map { scheduleStatus + "; " + $0 } ?? scheduleStatus
        return configProblem.map { $0 + "; " + line } ?? line
    }

    private var scheduleStatus: String {
        if let pause = state.pause, pause.covers(plan.now) {
            return pause.until.map { "Paused until \(format($0))" } ?? "Paused until crampd ctl resume"
        }
        guard let next = nextOccurrence else { return "No reminder scheduled" }
        return "Next: \(next.reminder) at \(format(next.at))" + (next.followUp.map { " (follow-up \($0.text))" } ?? "")
    }

    private func startWatchdog() {
        let interval: UInt64?
        do { interval = try ServiceManager.watchdogIntervalMicroseconds() } catch {
            logger.warning("\(error), running without watchdog")
            return
        }
        guard let interval, interval > 0 else { return }
        // Pinged from the daemon queue: a stuck queue stops the pings and systemd restarts us.
        let source = DispatchSource.makeTimerSource(queue: queue)
        let half = DispatchTimeInterval.microseconds(Int(interval / 2))
        source.schedule(deadline: .now() + half, repeating: half, leeway: .milliseconds(Int(interval / 20_000)))
        source.setEventHandler { [unowned self] in
            notify { try ServiceManager.watchdog() }
            self.settle(quietFor: .seconds(60))
        }
        source.activate()
        watchdog = source
    }

    // MARK: Helpers

    /// The time, from the clock in `options`: the only way the daemon reads it.
    func clockNow() -> Instant { options.clock() }

    func format(_ instant: Instant) -> String { ConfigSummary.formatLocal(instant, in: zone) }

    static func zone(for config: Config, options: DaemonOptions, logger: Logger) -> Zone {
        if let name = config.daemon.timezone {
            // Validated with the config, so this only fails if tzdata changed under us.
            if let zone = try? Zone.named(name, in: options.zones) { return zone }
            logger.error("Failed to load time zone \(name), using the system zone")
        }
        do { return try Zone.system(environment: options.environment, database: options.zones, localtime: options.localtimePath) } catch {
            logger.warning("\(error.message), using UTC")
            return .utc
        }
    }

    private func loadState(now: Instant) -> AgendaState {
        let suffix = CompactTimestamp.utc(now)
        do {
            switch try stateFile.load(suffixForCorruptCopy: suffix) {
            case .loaded(let saved):
                let (repaired, repairs) = saved.keepingInstantsInBounds()
                for repair in repairs { logger.error("State file \(stateFile.path): \(repair)") }
                return repaired
            case .missing: return .empty
            case .corrupt(let reason, let movedTo):
                logger.error("State file \(stateFile.path) is damaged (\(reason)); kept it as \(movedTo ?? "(could not move it)") and started afresh")
                return .empty
            }
        } catch {
            logger.error("\(error), starting with empty state")
            return .empty
        }
    }
}

/// sd_notify is best effort: a failure is not a reason to stop reminding.
func notify(_ send: () throws -> Bool) {
    do { _ = try send() } catch { printToStderr("crampd: warning: \(error)") }
}

extension SkipReason {
    var wording: String {
        switch self {
        case .requested: "skipped on request (crampd ctl skip)"
        case .drinkLoggedRecently: "a drink was logged recently"
        case .waterGoalMet: "today's water goal is met"
        case .dailyCapReached(let excess): excess.message
        }
    }
}

/// `20261125T143000Z`, for names of files moved aside.
enum CompactTimestamp {
    static func utc(_ instant: Instant) -> String {
        let t = Zone.utc.localDateTime(at: instant)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(t.date.year)\(two(t.date.month))\(two(t.date.day))T\(two(t.time.hour))\(two(t.time.minute))\(two(t.time.second))Z"
    }
}
