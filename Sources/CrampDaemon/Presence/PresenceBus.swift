import Dispatch
import Logging
import Systemd

/// One bus connection a presence source keeps open for its signals, served on the daemon queue
/// (the same non-blocking pump as the desktop outlet: no wake-ups while nothing is said).
/// A missing bus or peer is a debug line, never an error: the source is then simply silent.
final class PresenceBus {
    let connection: DesktopBusConnection
    private let logger: Logger
    private let name: String
    private var matches: [BusSlot] = []
    /// How long a call to a peer may take.
    static let callTimeoutMicroseconds: UInt64 = 5_000_000

    private init(connection: DesktopBusConnection, logger: Logger, name: String) {
        self.connection = connection; self.logger = logger; self.name = name
    }

    /// Opens the system or the session bus; nil (with a debug line) when there is none.
    static func open(system: Bool, queue: DispatchQueue, logger: Logger, onClose: @escaping () -> Void) -> PresenceBus? {
        let name = system ? "system bus" : "session bus"
        do {
            let bus = try system ? Bus.openSystem() : Bus.openUser()
            let connection = try DesktopBusConnection(bus: bus, queue: queue)
            let presenceBus = PresenceBus(connection: connection, logger: logger, name: name)
            connection.onClose = { [weak presenceBus] error in
                presenceBus?.matches = []
                logger.debug("Presence: lost the \(name) connection\(error.map { ": \($0.cause)" } ?? ""); its sources are silent until crampd reloads or restarts")
                onClose()
            }
            return presenceBus
        } catch {
            logger.debug("Presence: no \(name) (\(error.cause)); its sources are not watched")
            return nil
        }
    }

    /// Calls `member`; `reply` runs with a successful answer only, a failure is a debug line.
    func call(_ destination: String, _ path: String, _ interface: String, _ member: String, purpose: String,
              arguments: (BusMessage) throws(SystemdError) -> Void = { _ in },
              reply: @escaping (BusMessage) -> Void) {
        guard !connection.isClosed else { return }
        do {
            let message = try connection.bus.methodCall(destination: destination, path: path, interface: interface, member: member)
            try arguments(message)
            try connection.bus.callAsync(message, timeoutMicroseconds: Self.callTimeoutMicroseconds) { [logger] answer in
                if let error = answer.error { return logger.debug("Presence: failed to \(purpose): \(error)") }
                reply(answer)
            }
        } catch {
            logger.debug("Presence: failed to \(purpose): \(error.cause)")
        }
        connection.pump()
    }

    /// `org.freedesktop.DBus.Properties.Get`: `reply` reads the variant.
    func getProperty(_ destination: String, _ path: String, _ interface: String, _ property: String,
                     reply: @escaping (BusMessage) -> Void) {
        call(destination, path, "org.freedesktop.DBus.Properties", "Get", purpose: "read \(interface).\(property)",
             arguments: { (m) throws(SystemdError) in try m.append(interface); try m.append(property) }, reply: reply)
    }

    /// Runs `handler` for every signal matching `rule` while this connection lasts.
    func watch(_ rule: String, handler: @escaping (BusMessage) -> Void) {
        guard !connection.isClosed else { return }
        do { matches.append(try connection.bus.addMatchAsync(rule, handler: handler)) } catch {
            logger.debug("Presence: failed to watch \(rule) on the \(name): \(error.cause)")
        }
        connection.pump()
    }

    /// Tells whenever `busName` gets an owner (true: read its state again) or loses it (false).
    func watchOwner(of busName: String, changed: @escaping (Bool) -> Void) {
        watch("type='signal',sender='org.freedesktop.DBus',path='/org/freedesktop/DBus',interface='org.freedesktop.DBus',"
              + "member='NameOwnerChanged',arg0='\(busName)'") { message in
            guard (try? message.readString()) == busName, (try? message.readString()) != nil,
                  let newOwner = try? message.readString() else { return }
            changed(!newOwner.isEmpty)
        }
    }

    /// A `PropertiesChanged` rule for `interface` from `sender`.
    static func propertiesChanged(sender: String, interface: String) -> String {
        "type='signal',sender='\(sender)',interface='org.freedesktop.DBus.Properties',member='PropertiesChanged',arg0='\(interface)'"
    }

    /// Reads a `PropertiesChanged` signal: the values that came with it and the names only invalidated.
    static func readPropertiesChanged(_ message: BusMessage) -> (values: [String: BusVariant], invalidated: [String])? {
        guard (try? message.readString()) != nil, let values = try? message.readProperties(),
              let invalidated = try? message.readStrings() else { return nil }
        return (values, invalidated)
    }

    /// The bus went away (or `close` ran): its sources are silent until opened again.
    var isClosed: Bool { connection.isClosed }

    func close() {
        matches = []
        connection.onClose = nil
        connection.close()
    }
}
