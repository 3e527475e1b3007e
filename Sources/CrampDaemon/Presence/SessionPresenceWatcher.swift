import CrampCore
import Dispatch
import Logging
import POSIX
import Systemd

/// Presence from the session bus: the screen saver (`org.freedesktop.ScreenSaver`
/// `ActiveChanged`, and `GetActive` once) and the notification server's do-not-disturb, KDE's
/// (`org.freedesktop.Notifications` property `Inhibited`) and mako's (mode `do-not-disturb` in
/// `fr.emersion.Mako` property `Modes`), and GNOME's (`org.gnome.desktop.notifications
/// show-banners` false). Each is read once at start and again whenever its bus name gets a new
/// owner; changes come as signals. Whatever is not there is a debug line.
///
/// GNOME's setting lives in dconf. Without linking GLib, crampd reads dconf's own database file
/// (`$XDG_CONFIG_HOME/dconf/user`, `DconfDatabase`), once at start and again only when dconf's
/// writer announces a change of that key (`ca.desrt.dconf.Writer` `Notify`); system-wide
/// defaults and locks in /etc/dconf are not read (the schema's default shows banners).
final class SessionPresenceWatcher {
    static let screenSaver = "org.freedesktop.ScreenSaver"
    static let screenSaverPath = "/org/freedesktop/ScreenSaver"
    static let notifications = "org.freedesktop.Notifications"
    static let notificationsPath = "/org/freedesktop/Notifications"
    static let mako = "fr.emersion.Mako"
    static let makoPath = "/fr/emersion/Mako"
    static let makoDoNotDisturb = "do-not-disturb"
    static let showBannersKey = "/org/gnome/desktop/notifications/show-banners"
    static let dconfWriter = "ca.desrt.dconf.Writer"

    private let queue: DispatchQueue
    private let logger: Logger
    private let clock: () -> Instant
    private let report: (PresenceSignal) -> Void
    /// dconf's user database, where GNOME's `show-banners` is stored.
    private let dconfPath: String
    private var bus: PresenceBus?
    /// The latest word of each source, to report changes only.
    private var active: [PresenceSignal.Source: Bool] = [:]

    init(queue: DispatchQueue, logger: Logger, environment: [String: String], clock: @escaping () -> Instant,
         report: @escaping (PresenceSignal) -> Void) {
        self.queue = queue; self.logger = logger; self.clock = clock; self.report = report
        // XDGDirectories gives $XDG_CONFIG_HOME/crampd: dconf's directory is its sibling.
        let crampdConfig = XDGDirectories(environment: environment).config
        dconfPath = String(crampdConfig.dropLast("/crampd".count)) + "/dconf/user"
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
        bus.watch("type='signal',path='/ca/desrt/dconf/Writer/user',interface='\(Self.dconfWriter)',member='Notify'") { [weak self] message in
            guard let prefix = try? message.readString(), let changes = try? message.readStrings() else { return }
            if Self.touches(Self.showBannersKey, prefix: prefix, changes: changes) { self?.readGNOME() }
        }
        readScreenSaver()
        readNotificationServer()
        readGNOME()
    }

    /// Whether a dconf `Notify` (a common prefix, then paths relative to it; a path ending in
    /// "/" is a whole directory) covers `key`.
    static func touches(_ key: String, prefix: String, changes: [String]) -> Bool {
        changes.contains { change in
            let path = prefix + change
            return path == key || (path.hasSuffix("/") && key.hasPrefix(path))
        }
    }

    /// GNOME holds banners (do-not-disturb) when `show-banners` is false; unset means shown.
    private func readGNOME() {
        switch RegularFile.read(dconfPath, cap: RegularFile.Cap(kind: "dconf databases", bytes: DconfDatabase.maximumSize)) {
        case .success(let bytes):
            let showBanners = bytes.flatMap { DconfDatabase(bytes: $0).bool(at: Self.showBannersKey) } ?? true
            set([.gnome], !showBanners)
        case .failure(let error):
            logger.debug("Presence: \(error), GNOME's do-not-disturb is not known")
        }
    }

    /// After the bus went away and came back (a reload asks): the connection is opened again
    /// and every source read afresh; nothing happens while the connection lives.
    func startAgainIfLost() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard bus?.isClosed ?? true else { return }
        stop()
        start()
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
