@testable import CrampDaemon
import CrampProtocol
import Dispatch
import Glibc
import Testing

extension ControlServerTests {
    @Test func createMakesAPrivateDirectoryAndSocket() throws {
        let directory = makeTemporaryDirectory()
        defer { rmdir(directory) }
        let path = directory + "/crampd/ctl.sock"
        let socket = try ControlSocket.create(path: path)
        var info = stat()
        #expect(stat(directory + "/crampd", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFSOCK)
        #expect(info.st_mode & 0o777 == 0o600)
        socket.close()
        #expect(access(path, F_OK) != 0, "close() removes the socket file we created")
        rmdir(directory + "/crampd")
    }

    @Test func stopRemovesTheSocketFileBeforeItReturns() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        #expect(access(fixture.path, F_OK) == 0)
        fixture.queue.sync { fixture.server.stop() }
        #expect(access(fixture.path, F_OK) != 0)
        #expect(throws: ControlClientError.unavailable(path: fixture.path, cause: "No such file or directory")) {
            try ControlClient(path: fixture.path).send(Request(id: 1, command: .status))
        }
    }

    @Test func secondInstanceIsRefusedNamingThePath() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        #expect(throws: ControlSocketError(
            "Failed to listen on \(fixture.path): another crampd already serves it; stop it first: systemctl --user stop crampd"
        )) { try ControlSocket.create(path: fixture.path) }
        // The first instance is untouched.
        #expect(try ControlClient(path: fixture.path).send(Request(id: 1, command: .status)).id == 1)
    }

    @Test func staleSocketFileIsReplaced() throws {
        let directory = makeTemporaryDirectory()
        let path = directory + "/ctl.sock"
        defer { unlink(path); rmdir(directory) }
        // A socket bound and closed without unlink, as a crashed instance leaves it.
        let old = makeUnixStreamSocket(nonBlocking: false)
        #expect(withUnixAddress(path, { bind(old, $0, $1) }) == 0)
        close(old)
        #expect(access(path, F_OK) == 0)

        let socket = try ControlSocket.create(path: path)
        let queue = DispatchQueue(label: "crampd.test.stale")
        let handler = RecordingHandler()
        let server = ControlServer(socket: socket, queue: queue, handler: handler)
        queue.sync { server.start() }
        #expect(try ControlClient(path: path).send(Request(id: 9, command: .list)).id == 9)
        queue.sync { server.stop() }
    }

    @Test func regularFileInTheWayIsNotRemoved() throws {
        let directory = makeTemporaryDirectory()
        let path = directory + "/ctl.sock"
        defer { unlink(path); rmdir(directory) }
        let fd = open(path, O_CREAT | O_WRONLY, 0o600)
        close(fd)
        #expect(throws: ControlSocketError(
            "Failed to bind control socket \(path): the file exists and is not a socket; remove it"
        )) { try ControlSocket.create(path: path) }
        #expect(access(path, F_OK) == 0)
    }

    @Test func closeLeavesASocketFileThatIsNoLongerOurs() throws {
        let directory = makeTemporaryDirectory()
        let path = directory + "/ctl.sock"
        defer { unlink(path); rmdir(directory) }
        let first = try ControlSocket.create(path: path)
        // Someone replaced our file (e.g. a second instance started after ours was removed).
        unlink(path)
        let other = makeUnixStreamSocket(nonBlocking: false)
        #expect(withUnixAddress(path, { bind(other, $0, $1) }) == 0)
        defer { close(other) }
        first.close()
        #expect(access(path, F_OK) == 0)
    }

    @Test func adoptedSocketIsServedAndItsFileKept() throws {
        let directory = makeTemporaryDirectory()
        let path = directory + "/ctl.sock"
        defer { unlink(path); rmdir(directory) }
        // What systemd does for crampd.socket: bind and listen, then pass the descriptor.
        let fd = makeUnixStreamSocket(nonBlocking: false)
        #expect(withUnixAddress(path, { bind(fd, $0, $1) }) == 0)
        #expect(listen(fd, 16) == 0)
        let socket = try ControlSocket.adopt(fd: fd, path: path)
        let queue = DispatchQueue(label: "crampd.test.adopt")
        let server = ControlServer(socket: socket, queue: queue, handler: RecordingHandler())
        queue.sync { server.start() }
        #expect(try ControlClient(path: path).send(Request(id: 2, command: .status)).id == 2)
        queue.sync { server.stop() }
        #expect(access(path, F_OK) == 0, "the file belongs to systemd")
    }

    @Test func clientReportsANonRunningDaemon() throws {
        let directory = makeTemporaryDirectory()
        defer { rmdir(directory) }
        let path = directory + "/ctl.sock"
        #expect(throws: ControlClientError.unavailable(path: path, cause: "No such file or directory")) {
            try ControlClient(path: path).send(Request(id: 1, command: .status))
        }
    }
}
