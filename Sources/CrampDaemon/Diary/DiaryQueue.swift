import CrampCore
import Dispatch
import Logging
import SQLite

/// The diary off the daemon's queue: every read and write runs here, on a serial queue of
/// its own, so a slow or locked diary (a backup, the sqlite3 shell holding it) never holds
/// up reminders or other commands.
///
/// - A command runs with a deadline: SQLite's busy timeout is what is left of it, so against
///   a locked diary it fails with a busy error after at most `commandWait`, nothing recorded.
/// - Reminder events are queued in order and written as soon as the diary lets them; a
///   command runs only after every earlier event is in (a `done` then finds its `due`).
/// - After a command the day's intake is read again and handed to `intakeChanged`: the
///   daemon keeps it in memory for the smart rules, which never wait for the file.
final class DiaryQueue: @unchecked Sendable {  // `store` and `pending` are used on `queue` only
    /// How long a command may wait for a locked diary before it is answered `diary-busy`:
    /// well inside `crampd ctl`'s own 5 s.
    static let commandWaitMilliseconds = 3_000
    /// How long a queued reminder event waits for the lock per attempt, and between attempts.
    static let eventWaitMilliseconds = 500
    static let eventRetryMilliseconds = 1_000
    /// Reminder events kept in memory while the diary is locked: days of them at the flood limit.
    /// Past this, new events reach the journal only (logged once per outage).
    static let defaultMaximumPendingEvents = 100_000
    /// A TRUNCATE checkpoint after this many commands keeps the records in the main file.
    static let checkpointEveryWrites = 100

    let store: DiaryStore
    private let queue = DispatchQueue(label: "crampd.diary")
    private let logger: Logger
    /// Reminder events not yet written because the diary was busy, oldest first.
    private var pending: [ReminderEventRecord] = []
    private var retryScheduled = false
    private let maximumPendingEvents: Int
    private var droppedEvents = 0
    private var writesSinceCheckpoint = 0
    /// Called on the diary queue with the intake after each command that may have changed it.
    var intakeChanged: (@Sendable (IntakeSnapshot) -> Void)?

    /// Where the daemon reads the time (`DaemonOptions.clock`).
    private let clock: @Sendable () -> Instant

    init(store: DiaryStore, logger: Logger, clock: @escaping @Sendable () -> Instant = WallClock.now,
         maximumPendingEvents: Int = defaultMaximumPendingEvents) {
        self.store = store
        self.logger = logger
        self.clock = clock
        self.maximumPendingEvents = maximumPendingEvents
    }

    /// Queues a reminder event; it is written in order, retried while the diary is busy.
    func record(_ event: ReminderEventRecord) {
        queue.async { [self] in
            guard pending.count < maximumPendingEvents else {
                if droppedEvents == 0 {
                    logger.error("Failed to record reminder events in diary \(store.path): it has been locked for \(pending.count) events; new ones reach the journal only until it is free")
                }
                droppedEvents += 1
                return
            }
            pending.append(event)
            // While a retry is due the diary is known to be locked: wait for the retry, not once per event.
            if !retryScheduled { writePending(waitMilliseconds: Self.eventWaitMilliseconds) }
        }
    }

    /// Runs `body` on the diary queue, after the queued events, with SQLite waiting for a lock
    /// only until `deadline`; `ifBusy` answers instead when the events or the lock could not be
    /// had in time. The answer goes to `reply` on `replyQueue`, after `intakeChanged` when
    /// `refreshingIntake` (zone and now as of the command).
    func run<T: Sendable>(deadline: DispatchTime = .now() + .milliseconds(commandWaitMilliseconds),
                refreshingIntake zone: Zone? = nil, _ body: @escaping @Sendable (DiaryStore) -> T,
                ifBusy: @escaping @Sendable () -> T, replyOn replyQueue: DispatchQueue, reply: @escaping (T) -> Void) {
        // `reply` runs on `replyQueue` only, where it came from.
        nonisolated(unsafe) let reply = reply
        queue.async { [self] in
            let result: T
            if waitLimit(until: deadline) > 0 && writePending(waitMilliseconds: waitLimit(until: deadline)) {
                setBusyTimeout(waitLimit(until: deadline))
                result = body(store)
                setBusyTimeout(Self.eventWaitMilliseconds)
                if let zone { readIntake(zone: zone, now: clock()) }
                checkpointNowAndThen()
            } else {
                result = ifBusy()
            }
            replyQueue.async { reply(result) }
        }
    }

    /// Reads the day's intake again (a new day, a new zone) and hands it to `intakeChanged`.
    func refreshIntake(zone: Zone, now: Instant) {
        queue.async { [self] in
            setBusyTimeout(Self.eventWaitMilliseconds)
            readIntake(zone: zone, now: now)
        }
    }

    private func readIntake(zone: Zone, now: Instant) {
        do { intakeChanged?(try store.intakeSnapshot(zone: zone, now: now)) } catch {
            logger.error("\(error.description); the smart rules use the intake read before")
        }
    }

    /// Writes the queued events in order; false while some are left (the diary is busy).
    /// An event refused for any other reason is logged and dropped, so one bad record
    /// cannot hold up the rest.
    @discardableResult
    private func writePending(waitMilliseconds: Int) -> Bool {
        guard !pending.isEmpty else { return true }
        setBusyTimeout(waitMilliseconds)
        while let event = pending.first {
            do {
                try store.record(event)
            } catch where error.isBusy {
                scheduleRetry()
                return false
            } catch {
                logger.error("\(error.description)")
            }
            pending.removeFirst()
        }
        if waitMilliseconds != Self.eventWaitMilliseconds { setBusyTimeout(Self.eventWaitMilliseconds) }
        if droppedEvents > 0 {
            logger.warning("The diary \(store.path) is free again; \(droppedEvents) reminder event(s) from while it was locked are in the journal only")
            droppedEvents = 0
        }
        return true
    }

    private func scheduleRetry() {
        guard !retryScheduled else { return }
        retryScheduled = true
        if pending.count == 1 || pending.count % 100 == 0 {
            logger.warning("The diary is busy (another program holds \(store.path) locked); \(pending.count) reminder event(s) wait in memory and are written when it is free")
        }
        queue.asyncAfter(deadline: .now() + .milliseconds(Self.eventRetryMilliseconds)) { [self] in
            retryScheduled = false
            writePending(waitMilliseconds: Self.eventWaitMilliseconds)
        }
    }

    /// At a clean stop: writes what is queued and checkpoints the WAL into the main file, so a
    /// copy of `diary.sqlite` alone holds every record. Waits at most `milliseconds`.
    func finish(within milliseconds: Int) {
        let done = DispatchSemaphore(value: 0)
        let deadline = DispatchTime.now() + .milliseconds(milliseconds)
        queue.async { [self] in
            if !writePending(waitMilliseconds: waitLimit(until: deadline)) {
                logger.error("Failed to record \(pending.count) reminder event(s) in diary \(store.path): it stayed locked; they are only in the journal")
            }
            setBusyTimeout(waitLimit(until: deadline))
            checkpoint()
            done.signal()
        }
        if done.wait(timeout: deadline + .milliseconds(100)) == .timedOut {
            logger.error("Failed to close diary \(store.path) within \(milliseconds) ms; its WAL is kept and read at the next start")
        }
    }

    private func checkpointNowAndThen() {
        writesSinceCheckpoint += 1
        guard writesSinceCheckpoint >= Self.checkpointEveryWrites else { return }
        writesSinceCheckpoint = 0
        checkpoint()
    }

    private func checkpoint() {
        do { try store.checkpoint() } catch { logger.warning("\(error.description); the records stay in its WAL for now") }
    }

    private func setBusyTimeout(_ milliseconds: Int) {
        try? store.database.setBusyTimeout(milliseconds: Int32(clamping: max(0, milliseconds)))
    }

    private func waitLimit(until deadline: DispatchTime) -> Int {
        let now = DispatchTime.now().uptimeNanoseconds
        return deadline.uptimeNanoseconds > now ? Int((deadline.uptimeNanoseconds - now) / 1_000_000) : 0
    }
}

/// Today's diary entries and the last drink, as read after the last change: what the smart
/// rules need, in memory, so planning never waits for the diary file.
struct IntakeSnapshot: Sendable {
    /// The local day the records cover, as instants in the zone of the reading.
    var day: Range<Instant>
    var records: DiaryRecords
    var lastDrink: Instant?
    /// The latest dose of each electrolyte on any day, for `<electrolyte>_min_gap`.
    var lastDoses: [Electrolyte: Instant] = [:]

    func covers(_ now: Instant, in zone: Zone) -> Bool {
        day == LocalDay.interval(of: LocalDay.date(of: now, in: zone), in: zone)
    }

    func facts(goals: Goals, zone: Zone, now: Instant) -> SmartReminderFacts {
        var facts = SmartReminderFacts.compute(records: records, goals: goals, zone: zone, now: now)
        facts.lastDrinkAt = [lastDrink, facts.lastDrinkAt].compactMap { $0 }.filter { $0 <= now }.max()
        for (electrolyte, at) in lastDoses where at <= now { facts.lastDoseAt[electrolyte] = max(facts.lastDoseAt[electrolyte] ?? at, at) }
        return facts
    }
}
