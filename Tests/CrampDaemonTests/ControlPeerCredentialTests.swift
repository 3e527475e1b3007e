@testable import CrampDaemon
import CrampProtocol
import Glibc
import Testing

extension ControlServerTests {
    /// A client running as `nobody` (setpriv sets the uid in the child, then execs a small
    /// perl client) is refused with `permission-denied`; the server keeps serving us.
    @Test(.enabled(if: geteuid() == 0 && access("/usr/bin/setpriv", X_OK) == 0 && access("/usr/bin/perl", X_OK) == 0,
                   "needs root, setpriv and perl"))
    func clientOfAnotherUserIsRefused() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        var refusedPeers: [UInt32] = []
        fixture.queue.sync { fixture.server.onRefused = { peer, error in
            if error.code == .permissionDenied { refusedPeers.append(peer.uid) }
        } }
        // Make the socket reachable for the test: the directory and file are private by default.
        chmod(fixture.directory, 0o755)
        chmod(fixture.directory + "/crampd", 0o755)
        chmod(fixture.path, 0o666)

        // The server answers and hangs up before reading, so the write may meet EPIPE: ignore SIGPIPE.
        let script = #"use IO::Socket::UNIX; $SIG{PIPE} = "IGNORE"; my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or die "connect: $!\n"; "#
            + #"print $s qq({"version":1,"id":1,"command":"status"}\n); my $l = <$s>; print $l;"#
        let (status, output) = try run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                        "/usr/bin/perl", "-e", script, fixture.path])
        #expect(status == 0, "client output: \(String(decoding: output, as: UTF8.self))")
        let answers = try responses(in: output)
        #expect(answers.map(errorCode) == [.permissionDenied])
        if case .error(let error)? = answers.first?.response {
            #expect(error.message == "user 65534 may not control the crampd of user 0; only that user and root may")
        }
        #expect(fixture.received.isEmpty)
        #expect(fixture.queue.sync { refusedPeers } == [65534])
        #expect(try ControlClient(path: fixture.path).send(Request(id: 2, command: .status)).id == 2)
    }
}

/// Runs a program with its stdout captured; at most 10 s.
func run(_ arguments: [String]) throws -> (status: Int32, output: [UInt8]) {
    var pipeFDs: [Int32] = [0, 0]
    #expect(pipe(&pipeFDs) == 0)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
    var argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
    close(pipeFDs[1])
    defer { close(pipeFDs[0]) }
    try #require(spawned == 0, "posix_spawn \(arguments[0]): \(spawned)")
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    let deadline = monotonicMilliseconds() + 10_000
    while monotonicMilliseconds() < deadline {
        var p = pollfd(fd: pipeFDs[0], events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 100) > 0 else { continue }
        let n = read(pipeFDs[0], &chunk, chunk.count)
        if n <= 0 { break }
        output += chunk[..<n]
    }
    var status: Int32 = 0
    if waitpid(pid, &status, WNOHANG) == 0 { kill(pid, SIGKILL); waitpid(pid, &status, 0) }
    // The exit status, or 128 + the signal that killed it (as the shell reports it).
    return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
}
