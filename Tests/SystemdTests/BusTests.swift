import Glibc
import Systemd
import Testing

/// The sd-bus wrapper against a real private dbus-daemon: calls, replies, error replies,
/// timeouts, signals, and a bus that goes away.
@Suite(.serialized)
struct BusTests {
    @Test func connectsWithoutBlockingAndGetsAUniqueName() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let bus = try Bus.open(address: daemon.address)
        // Returned before Hello was answered: asking for the name must not block.
        #expect(try bus.uniqueName() == nil || bus.isReady)
        #expect(try BusLoop.run(bus) { bus.isReady })
        let name = try #require(try bus.uniqueName())
        #expect(name.hasPrefix(":1."))
    }

    @Test func asyncCallGetsItsReplyAndReadsAnArrayOfStrings() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let bus = try Bus.open(address: daemon.address)
        let call = try bus.methodCall(destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                                      interface: "org.freedesktop.DBus", member: "ListNames")
        var names: [String]?
        try bus.callAsync(call, timeoutMicroseconds: 5_000_000) { reply in names = try? reply.readStrings() }
        #expect(try BusLoop.run(bus) { names != nil })
        #expect(names?.contains("org.freedesktop.DBus") == true)
        // Once the reply is in, sd-bus has no deadline left: an idle connection needs no timer.
        #expect(try bus.timeoutMonotonicMicroseconds() == nil)
    }

    @Test func appendsStringsAndReadsThemBack() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let bus = try Bus.open(address: daemon.address)
        let call = try bus.methodCall(destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                                      interface: "org.freedesktop.DBus", member: "GetNameOwner")
        try call.append("org.freedesktop.DBus")
        var owner: String??
        try bus.callAsync(call, timeoutMicroseconds: 5_000_000) { reply in owner = try? reply.readString() }
        #expect(try BusLoop.run(bus) { owner != nil })
        #expect(owner == "org.freedesktop.DBus")
    }

    @Test func readingTheWrongTypeIsAnErrorNamingTheCall() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let bus = try Bus.open(address: daemon.address)
        let call = try bus.methodCall(destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                                      interface: "org.freedesktop.DBus", member: "GetNameOwner")
        try call.append("org.freedesktop.DBus")
        var failure: SystemdError??
        try bus.callAsync(call, timeoutMicroseconds: 5_000_000) { reply in
            do throws(SystemdError) { _ = try reply.readUInt32(); failure = .some(nil) } catch { failure = .some(error) }
        }
        #expect(try BusLoop.run(bus) { failure != nil })
        let error = try #require(failure ?? nil)
        #expect(error.function == "sd_bus_message_read_basic")
        #expect(error.description.hasPrefix("Failed to read u in reply: sd_bus_message_read_basic: "))
    }

    @Test func callToANameNobodyOwnsIsServiceUnknown() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let bus = try Bus.open(address: daemon.address)
        let call = try bus.methodCall(destination: "org.freedesktop.Notifications", path: "/org/freedesktop/Notifications",
                                      interface: "org.freedesktop.Notifications", member: "GetCapabilities")
        var error: BusMethodError??
        try bus.callAsync(call, timeoutMicroseconds: 5_000_000) { reply in error = .some(reply.error) }
        #expect(try BusLoop.run(bus) { error != nil })
        #expect(error??.name == BusMethodError.serviceUnknown)
    }

    /// A peer that never answers: the call ends with an error after its timeout, not later, not never.
    @Test func unansweredCallTimesOut() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let silent = try Bus.open(address: daemon.address)
        #expect(try BusLoop.run(silent) { silent.isReady })
        let silentName = try #require(try silent.uniqueName())
        let bus = try Bus.open(address: daemon.address)
        let call = try bus.methodCall(destination: silentName, path: "/org/freedesktop/Notifications",
                                      interface: "org.freedesktop.Notifications", member: "GetCapabilities")
        var error: BusMethodError??
        let start = Subprocess.monotonicSeconds()
        try bus.callAsync(call, timeoutMicroseconds: 300_000) { reply in error = .some(reply.error) }
        #expect(try BusLoop.run(bus) { error != nil })
        let elapsed = Subprocess.monotonicSeconds() - start
        #expect(error??.name == BusMethodError.noReply || error??.name == BusMethodError.timeout)
        #expect(elapsed >= 0.29 && elapsed < 2, "took \(elapsed) s")
    }

    @Test func matchedSignalArrivesWithItsArguments() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let bus = try Bus.open(address: daemon.address)
        var received: (member: String?, id: UInt32?, action: String?)?
        let slot = try bus.matchSignalAsync(path: "/org/freedesktop/Notifications", interface: "org.freedesktop.Notifications") { message in
            received = (message.member, try? message.readUInt32(), try? message.readString())
        }
        // The match is installed once AddMatch is answered; the process queue tells.
        #expect(try BusLoop.run(bus) { bus.isReady && (try? bus.timeoutMonotonicMicroseconds()) == nil })
        let sent = try Subprocess.run(["dbus-send", "--bus=\(daemon.address)", "--type=signal", "/org/freedesktop/Notifications",
                                       "org.freedesktop.Notifications.ActionInvoked", "uint32:7", "string:done"])
        #expect(sent.status == 0)
        #expect(try BusLoop.run(bus) { received != nil })
        #expect(received?.member == "ActionInvoked")
        #expect(received?.id == 7)
        #expect(received?.action == "done")
        withExtendedLifetime(slot) {}
    }

    @Test func busThatGoesAwayClosesTheConnection() throws {
        let daemon = try BusDaemon()
        let bus = try Bus.open(address: daemon.address)
        #expect(try BusLoop.run(bus) { bus.isReady })
        daemon.stop()
        var closed = false
        do {
            closed = try BusLoop.run(bus) { !bus.isOpen }
        } catch {
            // sd_bus_process reports the lost connection as an error once it has closed.
            closed = !bus.isOpen
        }
        #expect(closed)
    }

    @Test func noBusAtTheAddressFailsAtOnce() throws {
        let start = Subprocess.monotonicSeconds()
        #expect(throws: SystemdError.self) { try Bus.open(address: "unix:path=/nonexistent/crampd-test/bus") }
        #expect(Subprocess.monotonicSeconds() - start < 1)
        do {
            _ = try Bus.open(address: "unix:path=/nonexistent/crampd-test/bus")
        } catch {
            #expect(error.description == "Failed to connect to the bus at unix:path=/nonexistent/crampd-test/bus: sd_bus_start: No such file or directory")
        }
    }

    /// The Notify signature, built piece by piece, is what the bus accepts for `susssasa{sv}i`.
    @Test func notifyArgumentsMakeAValidMessage() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let bus = try Bus.open(address: daemon.address)
        let call = try bus.methodCall(destination: "org.freedesktop.Notifications", path: "/org/freedesktop/Notifications",
                                      interface: "org.freedesktop.Notifications", member: "Notify")
        try call.append("crampd")
        try call.append(UInt32(0))
        try call.append("appointment-soon")
        try call.append("Drink 250 ml of water")
        try call.append("Sip it.")
        try call.append(["done", "Drank 250 ml", "snooze", "Snooze 10 min"])
        try call.append([("urgency", BusVariant.byte(1)), ("category", .string("x-crampd.hydration")), ("transient", .bool(false))])
        try call.append(Int32(-1))
        // Sealing on send validates the signature; the bus answers ServiceUnknown (no server), not InvalidArgs.
        var error: BusMethodError??
        try bus.callAsync(call, timeoutMicroseconds: 5_000_000) { reply in error = .some(reply.error) }
        #expect(try BusLoop.run(bus) { error != nil })
        #expect(error??.name == BusMethodError.serviceUnknown)
    }
}
