import Glibc
import Systemd

/// A private dbus-daemon for the bus tests: its own config, no service directories (nothing
/// is auto-started), on a socket in a fresh temporary directory; stopped by PID and removed.
final class BusDaemon {
    let directory: String
    let address: String
    let pid: pid_t

    struct Unavailable: Error, CustomStringConvertible { let description: String }

    init() throws {
        guard access("/usr/bin/dbus-daemon", X_OK) == 0 else {
            throw Unavailable(description: "dbus-daemon not found: install dbus")
        }
        var template = Array("/tmp/crampd-bus-test.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Unavailable(description: "Failed to create a temporary directory") }
        directory = String(cString: made)
        let socket = directory + "/bus"
        address = "unix:path=" + socket
        let config = """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>\(address)</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """
        let file = fopen(directory + "/bus.conf", "w")
        fputs(config, file)
        fclose(file)
        pid = try Subprocess.spawn(["dbus-daemon", "--config-file=\(directory)/bus.conf", "--nofork", "--nopidfile"])
        let deadline = Subprocess.monotonicSeconds() + 10
        var info = stat()
        while stat(socket, &info) != 0 {
            guard Subprocess.monotonicSeconds() < deadline else {
                stop()
                throw Unavailable(description: "dbus-daemon did not create \(socket) within 10 s")
            }
            usleep(10_000)
        }
    }

    /// SIGKILL: spawned from a test thread, the daemon inherits its blocked signals, SIGTERM included.
    func stop() {
        kill(pid, SIGKILL)
        Subprocess.waitExit(pid)
        _ = try? Subprocess.run(["rm", "-rf", directory])
    }
}

/// Drives a connection the way the daemon's Dispatch sources do, but in a poll(2) loop:
/// process until idle, then wait for the events and timeout sd-bus asks for.
enum BusLoop {
    /// Runs until `done()` or `seconds` pass; returns whether `done()` became true.
    @discardableResult
    static func run(_ bus: Bus, seconds: Double = 5, until done: () -> Bool) throws -> Bool {
        let deadline = Subprocess.monotonicSeconds() + seconds
        while true {
            while try bus.process() {}
            if done() { return true }
            if !bus.isOpen { return false }
            let left = deadline - Subprocess.monotonicSeconds()
            if left <= 0 { return false }
            var wait = Int32(min(left, 0.05) * 1000) + 1
            if let timeout = try bus.timeoutMonotonicMicroseconds() {
                let now = ServiceManager.monotonicNowMicroseconds()
                wait = min(wait, timeout > now ? Int32(min((timeout - now) / 1000, 50)) : 0)
            }
            let events = try bus.events()
            var poller = pollfd(fd: try bus.fileDescriptor(),
                                events: Int16((events.contains(.readable) ? POLLIN : 0) | (events.contains(.writable) ? POLLOUT : 0)),
                                revents: 0)
            _ = poll(&poller, 1, wait)
        }
    }
}
