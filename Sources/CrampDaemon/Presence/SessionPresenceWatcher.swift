import CrampCore
import Dispatch
import Logging
import Systemd

/// Presence from the session bus: the screen saver (`org.freedesktop.ScreenSaver`
/// `ActiveChanged`, and `GetActive` once) and the notification server's do-not-disturb, KDE's
/// (`org.freedesktop.Notifications` property `Inhibited`) and mako's (mode `do-not-disturb` in
/// `fr.emersion.Mako` property `Modes`). Each is read once at start and again whenever its bus
/// name gets a new owner; changes come as signals. Whatever is not there is a debug line.
final class SessionPresenceWatcher {
    static let screenSaver = "org.freedesktop.ScreenSaver"
    static let screenSaverPath = "/org/freedesktop/ScreenSaver"
    static let notifications = "org.freedesktop.Notifications"
    static let notificationsPath = "/org/freedesktop/Notifications"
    static let mako = "fr.emersion.Mako"
    static let makoPath = "/fr/emersion/Mako"
    static let makoDoNotDisturb = "do-not-disturb"

    private let queue: DispatchQueue
    private let logger: Logger
    private let clock: () -> Instant
    private let report: (PresenceSignal) -> Void
    private var bus: PresenceBus?
    /// The latest word of each source, to report changes only.
    private var active: [PresenceSignal.Source: Bool] = [:]

    init(queue: DispatchQueue, logger: Logger, clock: @escaping () -> Instant, report: @escaping (PresenceSignal) -> Void) {
        self.queue = queue; self.logger = logger; self.clock = clock; self.report = report
    }

    func start() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let bus = PresenceBus.open(system: false, queue: queue, logger: logger, onClose: { [weak self] in
            self?.set([.screenSaver, .kde, .mako], false)
        }) else { return }
        self.bus = bus
        bus.watchOwner(of: Self.screenSaver) { [weak self] present in
            present ? self?.readScreenSaver() : self?.set([.screenSaver], false)
        }
        bus.watch("type='signal',sender='\(Self.screenSaver)',interface='\(Self.screenSaver)',member='ActiveChanged'") { [weak self] message in
            guard let active = try? message.readBool() else { return }
            self?.set([.screenSaver], active)
        }
        bus.watchOwner(of: Self.notifications) { [weak self] present in
            present ? self?.readNotificationServer() : self?.set([.kde, .mako], false)
        }
        bus.watch(PresenceBus.propertiesChanged(sender: Self.notifications, interface: Self.notifications)) { [weak self] message in
            guard message.path == Self.notificationsPath, let changed = PresenceBus.readPropertiesChanged(message) else { return }
            if case .bool(let inhibited)? = changed.values["Inhibited"] { self?.set([.kde], inhibited) }
            else if changed.invalidated.contains("Inhibited") { self?.readKDE() }
        }
        bus.watch(PresenceBus.propertiesChanged(sender: Self.notifications, interface: Self.mako)) { [weak self] message in
            guard message.path == Self.makoPath, let changed = PresenceBus.readPropertiesChanged(message) else { return }
            if case .strings(let modes)? = changed.values["Modes"] { self?.set([.mako], modes.contains(Self.makoDoNotDisturb)) }
            else if changed.invalidated.contains("Modes") { self?.readMako() }
        }
        readScreenSaver()
        readNotificationServer()
    }

    func stop() {
        bus?.close()
        bus = nil
    }

    private func readScreenSaver() {
        bus?.call(Self.screenSaver, Self.screenSaverPath, Self.screenSaver, "GetActive", purpose: "ask the screen saver whether it is active") {
            [weak self] reply in
            guard let active = (try? reply.readBool()) ?? nil else { return }
            self?.set([.screenSaver], active)
        }
    }

    private func readNotificationServer() {
        readKDE()
        readMako()
    }

    /// KDE Plasma's server has `Inhibited`; other servers answer with an error (a debug line).
    private func readKDE() {
        bus?.getProperty(Self.notifications, Self.notificationsPath, Self.notifications, "Inhibited") { [weak self] reply in
            guard case .bool(let inhibited)? = (try? reply.readVariant()) ?? nil else { return }
            self?.set([.kde], inhibited)
        }
    }

    /// mako owns `org.freedesktop.Notifications` and serves its modes at /fr/emersion/Mako.
    private func readMako() {
        bus?.getProperty(Self.notifications, Self.makoPath, Self.mako, "Modes") { [weak self] reply in
            guard case .strings(let modes)? = (try? reply.readVariant()) ?? nil else { return }
            self?.set([.mako], modes.contains(Self.makoDoNotDisturb))
        }
    }

    /// Reports the sources whose word changed; a source never heard of counts as inactive.
    private func set(_ sources: [PresenceSignal.Source], _ value: Bool) {
        let now = clock()
        for source in sources where (active[source] ?? false) != value {
            active[source] = value
            report(PresenceSignal(source: source, active: value, since: now))
        }
    }
}
