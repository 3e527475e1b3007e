import CrampCore
import Dispatch
import Logging
import Systemd

/// Reminders as desktop notifications with "Done" and "Snooze" buttons, over the session bus
/// (`org.freedesktop.Notifications` through sd-bus). The journal entry is always written
/// first, by the daemon; this outlet is best effort on top of it.
///
/// Runs entirely on the daemon queue and never blocks: every call is asynchronous with a
/// 5 s timeout. Failures (no bus, no server, a hung or restarted server, a lost bus) cost one
/// warning per outage; the next reminder tries again, nothing polls. Answers come back as
/// `DesktopAnswer`s, enqueued on the daemon queue for the same handlers `crampd ctl` uses.
///
/// The concerns live in one file each: the connection (`+Connection`), asking the server
/// (`+ServerDiscovery`), sending (`+Sending`), `notify-test` (`+NotifyTest`), button answers
/// (`+Answers`) and the outage policy (`+Outage`). The state below is theirs, and only theirs:
/// nothing outside this outlet's files touches it.
final class DesktopOutlet {
    let queue: DispatchQueue
    let logger: Logger
    let onAnswer: @Sendable (DesktopAnswer) -> Void
    /// `[daemon] snooze` and the zone, for labels and the escalation rule; updated on reload.
    var snooze: TimeSpan
    var zone: Zone

    var connection: DesktopBusConnection?
    var signalMatch: BusSlot?
    /// dunst's `PropertiesChanged` (DesktopOutlet+DoNotDisturb.swift).
    var doNotDisturbMatch: BusSlot?
    /// dunst's do-not-disturb as last reported to `onDoNotDisturb`.
    var doNotDisturb = false
    /// Told when dunst's do-not-disturb changes; on the daemon queue.
    var onDoNotDisturb: @Sendable (Bool) -> Void = { _ in }
    /// What answers `org.freedesktop.Notifications`, asked once per connection (and again
    /// after a different server answered a Notify: it was restarted or replaced).
    var server: NotificationServer?
    var askingServer = false
    /// Popups asked for while the server was being asked.
    var waiting: [DesktopPopup] = []
    /// A notify-test sample waits for the server too.
    var sampleWaiting = false
    /// Our notifications that are still open, by the id the server gave them.
    var open: [UInt32: OpenNotification] = [:]
    /// The latest notification of each reminder, replaced by its next firing.
    var latest: [String: UInt32] = [:]
    /// Why notifications cannot be shown, while they cannot; warned about once per cause.
    var outage: Outage?
    /// How the last `crampd ctl notify-test` sample went.
    var sample: SampleOutcome?

    struct OpenNotification {
        /// The reminders its buttons answer: one, or every one a "while you were away" message lists as due.
        var reminderIDs: [String]
        /// The unique bus name of the server that created it; only its signals count.
        var server: String?
        var answered = false
    }

    /// The daemon's environment, to say where sd-bus looks for the session bus.
    let environment: [String: String]
    /// How long a call to the notification server may take (`NotificationsAPI.callTimeoutMicroseconds`).
    let callTimeoutMicroseconds: UInt64

    init(queue: DispatchQueue, logger: Logger, snooze: TimeSpan, zone: Zone, environment: [String: String],
         callTimeoutMicroseconds: UInt64 = NotificationsAPI.callTimeoutMicroseconds,
         onAnswer: @escaping @Sendable (DesktopAnswer) -> Void) {
        self.queue = queue; self.logger = logger; self.snooze = snooze; self.zone = zone
        self.environment = environment; self.onAnswer = onAnswer
        self.callTimeoutMicroseconds = callTimeoutMicroseconds
    }

    /// Connects now, so a missing bus or server is reported at start rather than at the first reminder.
    func start() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let connection = connect() else { return }
        askServer(on: connection)
    }

    /// Closes the connection without a warning (`notify` no longer has "desktop").
    func stop() {
        connection?.onClose = nil
        connection?.close()
        forgetConnection()
    }

    /// Pops up a firing reminder (due, catch-up, end of a snooze, `ctl trigger`); other events are not shown.
    func show(_ event: ReminderEvent) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard event.kind == .due || event.kind == .catchUp || event.kind == .repeat || event.kind == .behind || event.kind == .refill else { return }
        show(.reminder(event))
    }

    /// Pops up the one message on return ("While you were away: …").
    func showBack(_ back: BackPopup) { show(.back(back)) }

    private func show(_ popup: DesktopPopup) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let connection = connect() else { return }
        if let server {
            send(popup, to: server, on: connection)
        } else {
            waiting.append(popup)
            askServer(on: connection)
        }
    }
}
