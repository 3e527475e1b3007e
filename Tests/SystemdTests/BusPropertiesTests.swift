import Glibc
import Systemd
import Testing

/// The typed reads presence needs (issue 16), against a real private dbus-daemon: a property
/// map with a type the wrapper does not know, and a match rule on arg0.
@Suite(.serialized)
struct BusPropertiesTests {
    /// GetConnectionCredentials answers a{sv} with `UnixUserID` (u) and `ProcessID` (u).
    @Test func aPropertyMapReadsWhatItKnowsAndSkipsTheRest() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let bus = try Bus.open(address: daemon.address)
        #expect(try BusLoop.run(bus) { bus.isReady })
        let call = try bus.methodCall(destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                                      interface: "org.freedesktop.DBus", member: "GetConnectionCredentials")
        try call.append(try #require(try bus.uniqueName()))
        var properties: [String: BusVariant]?
        try bus.callAsync(call, timeoutMicroseconds: 5_000_000) { reply in properties = try? reply.readProperties() }
        #expect(try BusLoop.run(bus) { properties != nil })
        #expect(properties?["UnixUserID"] == .uint32(getuid()))
        #expect(properties?["ProcessID"] == .uint32(UInt32(getpid())))
    }

    /// Values of types the wrapper does not know (ay, ai, a struct) are skipped; the
    /// others around them read, as a PropertiesChanged from any peer may carry them.
    @Test func unknownTypesInAPropertyMapAreSkipped() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let bus = try Bus.open(address: daemon.address)
        var received: (interface: String?, values: [String: BusVariant]?, invalidated: [String]?)?
        let slot = try bus.matchSignalAsync(path: "/org/crampd/Test", interface: "org.freedesktop.DBus.Properties", member: "PropertiesChanged") {
            message in received = ((try? message.readString()) ?? nil, try? message.readProperties(), try? message.readStrings())
        }
        #expect(try BusLoop.run(bus) { bus.isReady && (try? bus.timeoutMonotonicMicroseconds()) == nil })
        // python3-dbus sends it as a real peer would (gdbus emit does not wait for Hello).
        let script = """
            import dbus, sys
            bus = dbus.bus.BusConnection(sys.argv[1])
            values = {"bytes": dbus.ByteArray(b"\\x01\\x02"), "Locked": dbus.Boolean(True), "ints": dbus.Array([1], signature="i"),
                      "Since": dbus.UInt64(7), "nested": dbus.Struct((1, "x"), signature="is"), "Modes": dbus.Array(["a", "b"], signature="s"),
                      "Path": dbus.ObjectPath("/a")}
            message = dbus.lowlevel.SignalMessage("/org/crampd/Test", "org.freedesktop.DBus.Properties", "PropertiesChanged")
            message.append("org.crampd.Test", dbus.Dictionary(values, signature="sv"), dbus.Array(["Gone"], signature="s"), signature="sa{sv}as")
            bus.send_message(message)
            bus.flush()
            """
        let sent = try Subprocess.run(["/usr/bin/python3", "-c", script, daemon.address])
        #expect(sent.status == 0)
        #expect(try BusLoop.run(bus) { received != nil })
        #expect(received?.interface == "org.crampd.Test")
        #expect(received?.values == ["Locked": .bool(true), "Since": .uint64(7), "Modes": .strings(["a", "b"]), "Path": .objectPath("/a")])
        #expect(received?.invalidated == ["Gone"])
        withExtendedLifetime(slot) {}
    }

    /// A rule on arg0 sees the one name it names, not the others (a system bus has many).
    @Test func anArg0MatchSeesOnlyItsName() throws {
        let daemon = try BusDaemon()
        defer { daemon.stop() }
        let watcher = try Bus.open(address: daemon.address)
        var owners: [String] = []
        let slot = try watcher.addMatchAsync("type='signal',sender='org.freedesktop.DBus',member='NameOwnerChanged',arg0='org.crampd.Watched'") {
            message in
            if let name = try? message.readString() { owners.append(name) }
        }
        #expect(try BusLoop.run(watcher) { watcher.isReady && (try? watcher.timeoutMonotonicMicroseconds()) == nil })
        let owner = try Bus.open(address: daemon.address)
        for name in ["org.crampd.Other", "org.crampd.Watched"] {
            let request = try owner.methodCall(destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                                               interface: "org.freedesktop.DBus", member: "RequestName")
            try request.append(name)
            try request.append(UInt32(0))
            var answered = false
            try owner.callAsync(request, timeoutMicroseconds: 5_000_000) { _ in answered = true }
            #expect(try BusLoop.run(owner) { answered })
        }
        #expect(try BusLoop.run(watcher) { !owners.isEmpty })
        _ = try BusLoop.run(watcher, seconds: 0.2) { false }
        #expect(owners == ["org.crampd.Watched"])
        withExtendedLifetime(slot) {}
    }
}
