import CrampCore
import Dispatch
import Glibc
import Logging
import Systemd

/// logind on the system bus (org.freedesktop.login1(5)): the session's `LockedHint` and
/// `IdleHint`, and the machine's `PrepareForSleep` with a delay inhibitor.
///
/// A user service runs outside any session, so the session is found the way logind documents
/// for that case: `XDG_SESSION_ID` when the environment has it (a service started from a
/// session), else the user's graphical session, `Manager.GetUser(uid)` then the User's
/// `Display` property. It is looked up again when logind (re)appears and on `SessionNew` /
/// `SessionRemoved`; nothing polls.
///
/// The delay inhibitor is held only so the state is saved before the machine sleeps: on
/// `PrepareForSleep(true)` the daemon hears of it (synchronously, on its queue), then the
/// descriptor is closed; on `PrepareForSleep(false)` a new one is taken.
final class LogindWatcher {
    static let service = "org.freedesktop.login1"
    static let managerPath = "/org/freedesktop/login1"
    static let manager = "org.freedesktop.login1.Manager"
    static let session = "org.freedesktop.login1.Session"
    static let user = "org.freedesktop.login1.User"

    private let queue: DispatchQueue
    private let logger: Logger
    private let sessionID: String?
    private let clock: () -> Instant
    private let report: (PresenceSignal) -> Void
    private let sleeping: (Bool) -> Void
    private var bus: PresenceBus?
    /// The session watched (its object path), once found.
    private(set) var sessionPath: String?
    private var locked = false
    private var idle = false
    /// The delay inhibitor's descriptor while held.
    private var inhibitor: Int32?
    private var asleep = false

    /// `report` gets every change of lock and idle; `sleeping(true)` runs before the inhibitor is
    /// released and must save the state, `sleeping(false)` on resume. All on `queue`.
    init(queue: DispatchQueue, logger: Logger, environment: [String: String], clock: @escaping () -> Instant,
         report: @escaping (PresenceSignal) -> Void, sleeping: @escaping (Bool) -> Void) {
        self.queue = queue; self.logger = logger; self.clock = clock; self.report = report; self.sleeping = sleeping
        sessionID = environment["XDG_SESSION_ID"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func start() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let bus = PresenceBus.open(system: true, queue: queue, logger: logger, onClose: { [weak self] in self?.logindGone() }) else { return }
        self.bus = bus
        bus.watchOwner(of: Self.service) { [weak self] present in
            if present { self?.logger.debug("Presence: logind appeared on the system bus"); self?.lookUp() } else { self?.logindGone() }
        }
        bus.watch(PresenceBus.propertiesChanged(sender: Self.service, interface: Self.session)) { [weak self] message in
            guard let self, let path = self.sessionPath, message.path == path,
                  let changed = PresenceBus.readPropertiesChanged(message) else { return }
            self.apply(changed.values)
            if changed.invalidated.contains(where: { ["LockedHint", "IdleHint", "IdleSinceHint"].contains($0) }) { self.readSession(path) }
        }
        bus.watch("type='signal',sender='\(Self.service)',path='\(Self.managerPath)',interface='\(Self.manager)',member='PrepareForSleep'") {
            [weak self] message in
            guard let start = try? message.readBool() else { return }
            self?.prepareForSleep(start)
        }
        for member in ["SessionNew", "SessionRemoved"] {
            bus.watch("type='signal',sender='\(Self.service)',path='\(Self.managerPath)',interface='\(Self.manager)',member='\(member)'") {
                [weak self] _ in self?.lookUp()
            }
        }
        lookUp()
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
        releaseInhibitor()
        bus?.close()
        bus = nil
    }

    // MARK: The session

    /// Finds the session to watch, then reads its hints; takes the sleep inhibitor.
    private func lookUp() {
        guard let bus else { return }
        if inhibitor == nil, !asleep { takeInhibitor() }
        if let sessionID {
            bus.call(Self.service, Self.managerPath, Self.manager, "GetSession", purpose: "find logind session \(sessionID)",
                     arguments: { (m) throws(SystemdError) in try m.append(sessionID) }) { [weak self] reply in
                self?.watchSession((try? reply.readObjectPath()) ?? nil, how: "XDG_SESSION_ID=\(sessionID)")
            }
            return
        }
        let uid = getuid()
        bus.call(Self.service, Self.managerPath, Self.manager, "GetUser", purpose: "find the logind user \(uid)",
                 arguments: { (m) throws(SystemdError) in try m.append(UInt32(uid)) }) { [weak self] reply in
            guard let self, let userPath = (try? reply.readObjectPath()) ?? nil else { return }
            self.bus?.getProperty(Self.service, userPath, Self.user, "Display") { [weak self] reply in
                // Display is (so): the session id and its object path, "/" when the user has no graphical session.
                var path: String?
                if (try? reply.enterContainer("v", contents: "(so)")) != nil, (try? reply.enterContainer("r", contents: "so")) != nil,
                   (try? reply.readString()) != nil {
                    path = (try? reply.readObjectPath()) ?? nil
                }
                self?.watchSession(path == "/" ? nil : path, how: "user \(uid)'s display session")
            }
        }
    }

    private func watchSession(_ path: String?, how: String) {
        guard path != sessionPath else { return }
        sessionPath = path
        guard let path else {
            logger.debug("Presence: logind has no session for \(how); lock and idle are not watched")
            return clearHints()
        }
        logger.debug("Presence: watching logind session \(path) (\(how))")
        readSession(path)
    }

    private func readSession(_ path: String) {
        bus?.call(Self.service, path, "org.freedesktop.DBus.Properties", "GetAll", purpose: "read logind session \(path)",
                  arguments: { (m) throws(SystemdError) in try m.append(Self.session) }) { [weak self] reply in
            guard let self, self.sessionPath == path, let properties = try? reply.readProperties() else { return }
            self.apply(properties)
        }
    }

    private func apply(_ properties: [String: BusVariant]) {
        let now = clock()
        if case .bool(let value)? = properties["LockedHint"], value != locked {
            locked = value
            report(PresenceSignal(source: .logindLock, active: value, since: now))
        }
        if case .bool(let value)? = properties["IdleHint"], value != idle {
            idle = value
            // IdleSinceHint: CLOCK_REALTIME microseconds of the last input; 0 when unknown.
            var since = now
            if value, case .uint64(let usec)? = properties["IdleSinceHint"], usec > 0, usec <= UInt64(Int64.max),
               Instant.accepted.contains(Instant(microseconds: Int64(usec))) {
                since = min(now, Instant(microseconds: Int64(usec)))
            }
            report(PresenceSignal(source: .logindIdle, active: value, since: since))
        }
    }

    /// logind or the bus went away: what it said no longer holds.
    private func logindGone() {
        logger.debug("Presence: logind is gone; lock and idle are no longer known")
        sessionPath = nil
        releaseInhibitor()
        clearHints()
    }

    private func clearHints() {
        let now = clock()
        if locked { locked = false; report(PresenceSignal(source: .logindLock, active: false, since: now)) }
        if idle { idle = false; report(PresenceSignal(source: .logindIdle, active: false, since: now)) }
    }

    // MARK: Sleep

    private func prepareForSleep(_ start: Bool) {
        guard start != asleep else { return }
        asleep = start
        if start {
            logger.debug("Presence: the machine goes to sleep")
            sleeping(true)
            // The state is saved: logind may suspend now.
            releaseInhibitor()
        } else {
            logger.debug("Presence: the machine woke up")
            sleeping(false)
            takeInhibitor()
        }
    }

    private func takeInhibitor() {
        bus?.call(Self.service, Self.managerPath, Self.manager, "Inhibit", purpose: "take a sleep delay inhibitor",
                  arguments: { (m) throws(SystemdError) in
                      try m.append("sleep"); try m.append("crampd"); try m.append("save reminder state"); try m.append("delay")
                  }) { [weak self] reply in
            guard let self else { return }
            let fd: Int32?
            do throws(SystemdError) { fd = try reply.readFileDescriptor() } catch {
                return self.logger.debug("Presence: failed to read logind's inhibitor: \(error.cause)")
            }
            guard let fd else { return }
            // Asleep meanwhile, or one already held (two lookups raced): not needed.
            if self.asleep || self.inhibitor != nil { close(fd); return }
            self.inhibitor = fd
            self.logger.debug("Presence: holding a sleep delay inhibitor")
        }
    }

    private func releaseInhibitor() {
        guard let fd = inhibitor else { return }
        close(fd)
        inhibitor = nil
    }
}
