import CrampCore
import Dispatch
import Logging
import Systemd

/// `crampd ctl notify-test`: the outlet's view step by step, and the sample notification.
extension DesktopOutlet {
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
            steps.append("1. Session bus: connected\(name.map { " as \($0)" } ?? ""), at \(DesktopDiagnosis.busAddress(in: environment))")
        } else {
            steps.append("1. Session bus: not reachable at \(DesktopDiagnosis.busAddress(in: environment)): \(outage?.text ?? "unknown cause")")
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

    func sendSample(to server: NotificationServer, on connection: DesktopBusConnection) {
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

    func failSample(_ text: String) {
        sampleWaiting = false
        if case .waiting? = sample { sample = .failed(text) }
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
    static func busAddress(in environment: [String: String]) -> String {
        if let address = environment["DBUS_SESSION_BUS_ADDRESS"], !address.isEmpty { return address }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty { return "unix:path=\(runtime)/bus" }
        return "(no DBUS_SESSION_BUS_ADDRESS, no XDG_RUNTIME_DIR)"
    }
}
