import CrampCore
import Dispatch
import Glibc
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
final class DesktopOutlet {
    private let queue: DispatchQueue
    private let logger: Logger
    private let onAnswer: @Sendable (DesktopAnswer) -> Void
    /// `[daemon] snooze` and the zone, for labels and the escalation rule; updated on reload.
    var snooze: TimeSpan
    var zone: Zone

    private var connection: DesktopBusConnection?
    private var signalMatch: BusSlot?
    /// What answers `org.freedesktop.Notifications`, asked once per connection (and again
    /// after a different server answered a Notify: it was restarted or replaced).
    private(set) var server: NotificationServer?
    private var askingServer = false
    /// Reminders that fired while the server was being asked.
    private var waiting: [ReminderEvent] = []
    /// A notify-test sample waits for the server too.
    private var sampleWaiting = false
    /// Our notifications that are still open, by the id the server gave them.
    private var open: [UInt32: OpenNotification] = [:]
    /// The latest notification of each reminder, replaced by its next firing.
    private var latest: [String: UInt32] = [:]
    /// Why notifications cannot be shown, while they cannot; warned about once per cause.
    private(set) var outage: Outage?
    /// How the last `crampd ctl notify-test` sample went.
    private(set) var sample: SampleOutcome?

    struct OpenNotification {
        var reminderID: String
        /// The unique bus name of the server that created it; only its signals count.
        var server: String?
        var answered = false
    }

    init(queue: DispatchQueue, logger: Logger, snooze: TimeSpan, zone: Zone, onAnswer: @escaping @Sendable (DesktopAnswer) -> Void) {
        self.queue = queue; self.logger = logger; self.snooze = snooze; self.zone = zone; self.onAnswer = onAnswer
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
        guard event.kind == .due || event.kind == .catchUp else { return }
        guard let connection = connect() else { return }
        if let server {
            send(event, to: server, on: connection)
        } else {
            waiting.append(event)
            askServer(on: connection)
        }
    }

    // MARK: Connection

    /// The open connection, or a new one (the reconnect happens here, at a reminder, never by polling).
    private func connect() -> DesktopBusConnection? {
        if let connection, !connection.isClosed { return connection }
        do {
            let bus = try Bus.openUser()
            let connection = try DesktopBusConnection(bus: bus, queue: queue)
            do {
                // Some servers (GNOME Shell) broadcast their signals; `open` filters for ours.
                signalMatch = try bus.matchSignalAsync(path: NotificationsAPI.path, interface: NotificationsAPI.interface) {
                    [weak self] message in self?.signalArrived(message)
                }
            } catch {
                connection.close()
                throw error
            }
            connection.onClose = { [weak self] error in self?.connectionLost(error) }
            self.connection = connection
            connection.pump()
            return connection.isClosed ? nil : connection
        } catch {
            failSample("Failed to connect to the session bus: \(cause(of: error))")
            report(.bus, "Failed to connect to the session bus: \(cause(of: error))")
            return nil
        }
    }

    private func connectionLost(_ error: SystemdError?) {
        forgetConnection()
        report(.bus, "Lost the session bus connection\(error.map { ": \(cause(of: $0))" } ?? "")")
    }

    private func forgetConnection() {
        connection = nil
        signalMatch = nil
        server = nil
        askingServer = false
        waiting = []
        failSample("Failed to show the test notification: the session bus connection closed")
        open = [:]
        latest = [:]
    }

    // MARK: Calls

    /// GetServerInformation then GetCapabilities; then the reminders that waited are sent.
    private func askServer(on connection: DesktopBusConnection) {
        guard !askingServer else { return }
        askingServer = true
        call(NotificationsAPI.getServerInformation, on: connection, purpose: "ask the notification server who it is") {
            // Weak: the bus owns this closure until the reply, and the connection owns the bus.
            [weak self, weak connection] reply in
            guard let self, let connection, !connection.isClosed else { return }
            var information: NotificationsAPI.ServerInformation?
            if reply.error == nil { information = try? NotificationsAPI.ServerInformation(reading: reply) }
            // A server without GetServerInformation may still show notifications: go on.
            self.call(NotificationsAPI.getCapabilities, on: connection, purpose: "ask the notification server what it supports") {
                [weak self, weak connection] reply in
                guard let self, let connection, !connection.isClosed else { return }
                self.askingServer = false
                let events = self.waiting
                self.waiting = []
                if let error = reply.error {
                    self.failSample(self.failure("show desktop notifications", error))
                    return self.report(Outage.Cause(error), self.failure("show desktop notifications", error))
                }
                let capabilities: [String]
                do { capabilities = try reply.readStrings() } catch {
                    self.failSample("Failed to read the notification server's capabilities")
                    return self.report(.other, "Failed to read the notification server's capabilities: \(self.cause(of: error))")
                }
                let server = NotificationServer(uniqueName: reply.sender, information: information, capabilities: Set(capabilities))
                self.server = server
                self.logger.info("Desktop notifications go to \(server.description)")
                for event in events { self.send(event, to: server, on: connection) }
                if self.sampleWaiting { self.sendSample(to: server, on: connection) }
            }
        } failed: { [weak self] in
            self?.askingServer = false
            self?.waiting = []
            self?.failSample("Failed to ask the notification server: the call could not be sent")
        }
    }

    private func send(_ event: ReminderEvent, to server: NotificationServer, on connection: DesktopBusConnection) {
        let id = event.reminder.id
        let notification = DesktopNotification.reminder(
            event, snooze: snooze, zone: zone, hasActions: server.capabilities.contains("actions"),
            markup: server.capabilities.contains("body-markup"), replacing: latest[id] ?? 0)
        call({ bus throws(SystemdError) in try NotificationsAPI.notify(notification, on: bus) }, on: connection,
             purpose: "show desktop notification for \(id)") { [weak self, weak connection] reply in
            guard let self, let connection, !connection.isClosed else { return }
            if let error = reply.error {
                if error.name == BusMethodError.serviceUnknown {
                    // The server is gone; a new one gets asked again.
                    self.server = nil
                    self.latest = [:]
                    self.open = [:]
                }
                return self.report(Outage.Cause(error), self.failure("show desktop notification for \(id)", error))
            }
            guard let notificationID = try? reply.readUInt32() else {
                return self.report(.other, "Failed to show desktop notification for \(id): the server's answer has no id")
            }
            if let sender = reply.sender, let known = self.server?.uniqueName, sender != known {
                // Another server answered (restarted or replaced): ask it about itself next time.
                self.logger.info("The notification server changed (\(known) → \(sender))")
                self.server = nil
                self.latest = [:]
                self.open = self.open.filter { $0.value.server == sender }
            }
            self.open[notificationID] = OpenNotification(reminderID: id, server: reply.sender)
            self.latest[id] = notificationID
            self.recovered()
        }
    }

    /// Sends `make(bus)` with the timeout; a failure to even send is reported and `failed` runs.
    private func call(_ make: (Bus) throws(SystemdError) -> BusMessage, on connection: DesktopBusConnection, purpose: String,
                      reply: @escaping (BusMessage) -> Void, failed: () -> Void = {}) {
        do {
            let message = try make(connection.bus)
            try connection.bus.callAsync(message, timeoutMicroseconds: NotificationsAPI.callTimeoutMicroseconds, reply: reply)
        } catch {
            failed()
            report(.other, "Failed to \(purpose): \(cause(of: error))")
            return
        }
        connection.pump()
    }

    // MARK: notify-test

    /// What `crampd ctl notify-test` reports, step by step, from what this connection knows;
    /// with `sendingSample`, a sample notification goes out (answered later: poll without it).
    func diagnose(sendingSample: Bool) -> DesktopDiagnosis {
        dispatchPrecondition(condition: .onQueue(queue))
        var steps: [String] = []
        let connection = connect()
        if sendingSample {
            sample = .waiting
            if let connection {
                if let server { sendSample(to: server, on: connection) } else { sampleWaiting = true; askServer(on: connection) }
            }
        }
        if let connection {
            let name = (try? connection.bus.uniqueName()) ?? nil
            steps.append("1. Session bus: connected\(name.map { " as \($0)" } ?? ""), at \(DesktopDiagnosis.busAddress)")
        } else {
            steps.append("1. Session bus: not reachable at \(DesktopDiagnosis.busAddress): \(outage?.text ?? "unknown cause")")
        }
        if let server {
            let info = server.information.map { "\($0.name) \($0.version), vendor \($0.vendor), spec \($0.specVersion)" } ?? "a server that does not say its name"
            steps.append("2. Notification server: \(info)\(server.uniqueName.map { ", bus name \($0)" } ?? "")")
            let buttons = server.capabilities.contains("actions")
                ? "Done and Snooze buttons: yes"
                : "no \"actions\": popups without buttons, answer with crampd ctl done ID"
            steps.append("3. Capabilities: \(server.capabilities.sorted().joined(separator: ", ")); \(buttons)")
        } else if askingServer {
            steps.append("2. Notification server: asking it now")
            steps.append("3. Capabilities: asking the server now")
        } else {
            steps.append("2. Notification server: none answers\(outage.map { ": \($0.text)" } ?? "")")
            steps.append("3. Capabilities: unknown without a server")
        }
        switch sample {
        case nil: steps.append("4. Sample notification: none sent")
        case .waiting?: steps.append("4. Sample notification: sent, waiting for the server's answer")
        case .shown(let id)?: steps.append(DesktopDiagnosis.sampleShownStep + "id \(id)")
        case .failed(let text)?: steps.append("4. Sample notification: \(text)")
        }
        let summary: String
        switch sample {
        case .waiting?: summary = DesktopDiagnosis.waitingSummary
        case .shown?: summary = "Desktop notifications work; look for the sample on your screen."
        default: summary = outage.map { "Desktop notifications do not work: \($0.text)" } ?? "Desktop notifications: see each step."
        }
        return DesktopDiagnosis(summary: summary, steps: steps)
    }

    private func sendSample(to server: NotificationServer, on connection: DesktopBusConnection) {
        sampleWaiting = false
        let hasActions = server.capabilities.contains("actions")
        let notification = DesktopNotification(
            icon: "appointment-soon", summary: "crampd test notification",
            body: "Reminders will pop up like this." + (hasActions ? " Its buttons do nothing." : ""),
            actions: hasActions ? ["done", "Done", "snooze", "Snooze \(DesktopNotification.spanLabel(snooze))"] : [],
            urgency: .normal, category: "x-crampd.test")
        call({ bus throws(SystemdError) in try NotificationsAPI.notify(notification, on: bus) }, on: connection,
             purpose: "show the test notification") { [weak self] reply in
            guard let self else { return }
            if let error = reply.error { return self.failSample(self.failure("show the test notification", error)) }
            guard let id = try? reply.readUInt32() else { return self.failSample("Failed to show the test notification: the server's answer has no id") }
            self.sample = .shown(id: id)
            self.logger.info("Desktop notification test: the server showed the sample with id \(id)")
        } failed: { [weak self] in
            self?.failSample("Failed to show the test notification: the call could not be sent")
        }
    }

    private func failSample(_ text: String) {
        sampleWaiting = false
        if case .waiting? = sample { sample = .failed(text) }
    }

    // MARK: Answers

    private func signalArrived(_ message: BusMessage) {
        guard let signal = try? NotificationsAPI.Signal(reading: message) else { return }
        switch signal {
        case .actionInvoked(let id, let action):
            guard var notification = open[id], notification.server == nil || notification.server == message.sender else { return }
            let answer: DesktopAnswer
            switch action {
            case "done": answer = .done(reminderID: notification.reminderID)
            case "snooze": answer = .snooze(reminderID: notification.reminderID)
            default: return
            }
            notification.answered = true
            open[id] = notification
            deliver(answer)
        case .closed(let id, let reason):
            guard let notification = open[id], notification.server == nil || notification.server == message.sender else { return }
            open[id] = nil
            if latest[notification.reminderID] == id { latest[notification.reminderID] = nil }
            if !notification.answered {
                deliver(.closed(reminderID: notification.reminderID, reason: NotificationCloseReason(code: reason)))
            }
        }
    }

    /// Later on the daemon queue: the handlers change state and may send notifications, which
    /// must not happen from inside sd-bus's processing.
    private func deliver(_ answer: DesktopAnswer) {
        let onAnswer = onAnswer
        queue.async { onAnswer(answer) }
    }

    // MARK: Health

    /// The first failure of an outage is a warning; the rest are debug lines until it works
    /// again, unless the cause changes (a hung server that is then killed: timeout, then no server).
    private func report(_ cause: Outage.Cause, _ text: String) {
        if let outage, outage.cause == cause {
            logger.debug("\(text)")
            return
        }
        outage = Outage(cause: cause, text: text)
        logger.warning("\(text); reminders still reach the journal, and crampd tries the desktop again at the next reminder")
    }

    private func recovered() {
        guard let outage else { return }
        self.outage = nil
        logger.notice("Desktop notifications work again (after: \(outage.text))")
    }

    /// The wording of a failed call's error reply, with what to do about the common ones.
    private func failure(_ purpose: String, _ error: BusMethodError) -> String {
        switch error.name {
        case BusMethodError.serviceUnknown:
            "Failed to \(purpose): no notification server runs on the session bus (\(error.name)); start one, such as dunst or mako, or log in to a desktop"
        case BusMethodError.timeout, BusMethodError.noReply:
            "Failed to \(purpose): the notification server did not answer within \(NotificationsAPI.callTimeoutMicroseconds / 1_000_000) s (\(error.name))"
        default:
            "Failed to \(purpose): \(error)"
        }
    }

    /// "sd_open_user: No such file or directory" without the repeated "Failed to …" prefix.
    private func cause(of error: any Error) -> String {
        guard let error = error as? SystemdError else { return "\(error)" }
        return SystemdError(action: "", function: error.function, code: error.code, detail: error.detail)
            .description.replacingPrefix("Failed to : ")
    }
}

/// How the last notify-test sample went.
enum SampleOutcome: Sendable, Equatable {
    case waiting
    case shown(id: UInt32)
    case failed(String)
}

/// The answer to `crampd ctl notify-test`.
public struct DesktopDiagnosis: Sendable, Equatable {
    public var summary: String
    public var steps: [String]

    /// The summary while the sample waits for the server; `crampd ctl notify-test` polls until it changes.
    public static let waitingSummary = "Desktop notification test: waiting for the server's answer."
    /// The start of step 4 when the server showed the sample; `crampd ctl notify-test` judges by it.
    public static let sampleShownStep = "4. Sample notification: shown with "

    /// Where sd-bus looks for the session bus, as `sd_bus_open_user` does.
    static var busAddress: String {
        if let address = getenv("DBUS_SESSION_BUS_ADDRESS").map({ String(cString: $0) }), !address.isEmpty { return address }
        if let runtime = getenv("XDG_RUNTIME_DIR").map({ String(cString: $0) }), !runtime.isEmpty { return "unix:path=\(runtime)/bus" }
        return "(no DBUS_SESSION_BUS_ADDRESS, no XDG_RUNTIME_DIR)"
    }
}

/// Why desktop notifications do not work at the moment.
struct Outage: Sendable, Equatable {
    enum Cause: Sendable, Equatable {
        /// No session bus, or it went away.
        case bus
        /// Nobody owns org.freedesktop.Notifications.
        case noServer
        /// The server did not answer in time (hung, stopped).
        case noAnswer
        case other

        init(_ error: BusMethodError) {
            switch error.name {
            case BusMethodError.serviceUnknown: self = .noServer
            case BusMethodError.timeout, BusMethodError.noReply: self = .noAnswer
            default: self = .other
            }
        }
    }

    var cause: Cause
    var text: String
}

/// The server behind `org.freedesktop.Notifications`, as one connection saw it.
struct NotificationServer: Sendable, Equatable, CustomStringConvertible {
    var uniqueName: String?
    var information: NotificationsAPI.ServerInformation?
    var capabilities: Set<String>

    /// "dunst 1.9.0 (knopwob), spec 1.2, capabilities: actions, body, …".
    var description: String {
        let who = information.map { "\($0.name) \($0.version) (\($0.vendor)), spec \($0.specVersion)" } ?? "an unnamed server"
        return "\(who), capabilities: \(capabilities.sorted().joined(separator: ", "))"
    }
}

private extension String {
    func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
