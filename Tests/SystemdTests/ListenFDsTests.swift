import Glibc
import Systemd
import Testing

extension ProcessEnvironment {
    /// Socket activation as systemd does it: the socket at fd 3, LISTEN_PID/LISTEN_FDS set.
    @Suite struct ListenFDsTests {
        @Test func takesThePassedSocketInAChildProcess() throws {
            let path = UnixSocket.temporaryPath("ctl.sock")
            let socketFD = try #require(UnixSocket.bound(path, type: Int32(SOCK_STREAM.rawValue)))
            defer { close(socketFD); unlink(path) }
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            defer { close(ends[0]) }
            // Taking fds rewrites fd 3, which the test runner may own; so a forked child does it
            // and reports back through the pipe. Warm up the code path here first.
            _ = try ProcessEnvironment.with(["LISTEN_PID": nil, "LISTEN_FDS": nil]) { try ListenFDs.take() }
            let child = fork()
            if child == 0 {
                var report: [UInt8] = [0, 0, 0, 0, 0]
                if dup2(socketFD, 3) == 3 {
                    setenv("LISTEN_PID", String(getpid()), 1)
                    setenv("LISTEN_FDS", "1", 1)
                    let fds = (try? ListenFDs.take()) ?? []
                    report[0] = fds == [3] ? 1 : 0
                    report[1] = getenv("LISTEN_FDS") == nil && getenv("LISTEN_PID") == nil ? 1 : 0
                    report[2] = fcntl(3, F_GETFD) & FD_CLOEXEC != 0 ? 1 : 0
                    report[3] = (try? ListenFDs.isUnixStreamSocket(3, path: path)) == true ? 1 : 0
                    report[4] = (try? ListenFDs.take()) == [] ? 1 : 0
                }
                _ = write(ends[1], report, report.count)
                _exit(0)
            }
            close(ends[1])
            try #require(child > 0)
            guard let status = Subprocess.waitExit(child, timeoutSeconds: 10) else {
                kill(child, SIGKILL)
                Subprocess.waitExit(child)
                Issue.record("child did not finish within 10 s")
                return
            }
            #expect(status == 0)
            var report: [UInt8] = [9, 9, 9, 9, 9]
            #expect(read(ends[0], &report, report.count) == 5)
            #expect(report[0] == 1, "take() returns [3]")
            #expect(report[1] == 1, "take() unsets LISTEN_PID and LISTEN_FDS")
            #expect(report[2] == 1, "take() sets close-on-exec")
            #expect(report[3] == 1, "fd 3 is the listening socket at \(path)")
            #expect(report[4] == 1, "a second take() returns nothing")
        }

        @Test func ignoresFdsMeantForAnotherProcess() throws {
            try ProcessEnvironment.with(["LISTEN_PID": String(getpid() + 1), "LISTEN_FDS": "1"]) { () throws in
                #expect(try ListenFDs.take() == [])
            }
        }

        @Test func notActivatedMeansNoFds() throws {
            try ProcessEnvironment.with(["LISTEN_PID": nil, "LISTEN_FDS": nil]) { () throws in
                #expect(try ListenFDs.take() == [])
            }
        }

        @Test func recognisesListeningUnixStreamSockets() throws {
            let path = UnixSocket.temporaryPath("ctl.sock")
            let listening = try #require(UnixSocket.bound(path, type: Int32(SOCK_STREAM.rawValue)))
            defer { close(listening); unlink(path) }
            #expect(try ListenFDs.isUnixStreamSocket(listening))
            #expect(try ListenFDs.isUnixStreamSocket(listening, path: path))
            #expect(try !ListenFDs.isUnixStreamSocket(listening, path: path + ".other"))

            let datagramPath = UnixSocket.temporaryPath("dgram.sock")
            let datagram = try #require(UnixSocket.bound(datagramPath, type: Int32(SOCK_DGRAM.rawValue)))
            defer { close(datagram); unlink(datagramPath) }
            #expect(try !ListenFDs.isUnixStreamSocket(datagram))

            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            defer { close(ends[0]); close(ends[1]) }
            #expect(try !ListenFDs.isUnixStreamSocket(ends[0]))
        }

        @Test func closedDescriptorIsAnError() {
            #expect(throws: SystemdError(action: "check listening socket", function: "sd_is_socket_unix", code: EBADF)) {
                try ListenFDs.isUnixStreamSocket(1_000_000)
            }
        }
    }
}
