import Glibc
import Systemd
import Testing

extension ProcessEnvironment {
    /// sd_notify against a real datagram socket, as systemd's NOTIFY_SOCKET is.
    @Suite struct ServiceManagerTests {
        /// Binds a notify socket, points NOTIFY_SOCKET at it, and returns what `body` sent.
        private func received(_ body: () throws -> Bool) throws -> String? {
            let path = UnixSocket.temporaryPath("notify")
            let fd = try #require(UnixSocket.bound(path, type: Int32(SOCK_DGRAM.rawValue)))
            defer { close(fd); unlink(path) }
            return try ProcessEnvironment.with(["NOTIFY_SOCKET": path]) { () throws in
                #expect(ServiceManager.isUnderSystemd)
                #expect(try body())
                return UnixSocket.receive(fd, timeoutSeconds: 2)
            }
        }

        @Test func readyWithStatus() throws {
            #expect(try received { try ServiceManager.ready(status: "Next: water at 15:00") } == "READY=1\nSTATUS=Next: water at 15:00")
        }

        @Test func readyAlone() throws {
            #expect(try received { try ServiceManager.ready() } == "READY=1")
        }

        @Test func statusIsOneLine() throws {
            #expect(try received { try ServiceManager.status("a\nb") } == "STATUS=a b")
        }

        @Test func stoppingAndWatchdog() throws {
            #expect(try received { try ServiceManager.stopping() } == "STOPPING=1")
            #expect(try received { try ServiceManager.watchdog() } == "WATCHDOG=1")
        }

        @Test func reloadingCarriesTheMonotonicClock() throws {
            let before = ServiceManager.monotonicNowMicroseconds()
            let message = try #require(try received { try ServiceManager.reloading() })
            let after = ServiceManager.monotonicNowMicroseconds()
            let lines = message.split(separator: "\n")
            #expect(lines.first == "RELOADING=1")
            let stamp = try #require(lines.last.flatMap { $0.hasPrefix("MONOTONIC_USEC=") ? UInt64($0.dropFirst(15)) : nil })
            #expect(before <= stamp && stamp <= after)
        }

        @Test func withoutNotifySocketNothingIsSent() throws {
            try ProcessEnvironment.with(["NOTIFY_SOCKET": nil]) { () throws in
                #expect(!ServiceManager.isUnderSystemd)
                #expect(try !ServiceManager.ready())
            }
        }

        @Test func missingNotifySocketIsAnError() throws {
            let path = UnixSocket.temporaryPath("absent")
            ProcessEnvironment.with(["NOTIFY_SOCKET": path]) {
                #expect(throws: SystemdError(action: "notify service manager", function: "sd_notify", code: ENOENT)) {
                    try ServiceManager.ready()
                }
            }
        }

        @Test func watchdogIntervalFollowsTheEnvironment() throws {
            let pid = String(getpid())
            try ProcessEnvironment.with(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": pid]) { () throws in
                #expect(try ServiceManager.watchdogIntervalMicroseconds() == 3_000_000)
            }
            try ProcessEnvironment.with(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": String(getpid() + 1)]) { () throws in
                #expect(try ServiceManager.watchdogIntervalMicroseconds() == nil)
            }
            try ProcessEnvironment.with(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) { () throws in
                #expect(try ServiceManager.watchdogIntervalMicroseconds() == nil)
            }
            ProcessEnvironment.with(["WATCHDOG_USEC": "soon", "WATCHDOG_PID": pid]) {
                #expect(throws: SystemdError.self) { try ServiceManager.watchdogIntervalMicroseconds() }
            }
        }
    }
}
