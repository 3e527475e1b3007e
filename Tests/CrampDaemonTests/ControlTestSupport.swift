import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Dispatch
import Glibc
import Testing

/// Records what the real server hands it and answers from a fixed script.
final class RecordingHandler: ImmediateControlHandler, @unchecked Sendable {  // used only on the server queue
    var received: [(request: Request, peer: PeerCredentials)] = []
    /// The most connections the server had open while a request was handled.
    var maxConnections = 0
    weak var server: ControlServer?
    /// Simulated work per request, to keep connections open longer.
    var delayMicroseconds: UInt32 = 0
    /// Overrides the default answers below.
    var answer: ((Request) -> Response?)?
    /// Requests for which this says yes are answered later, by `releaseDeferred()`.
    var deferring: ((Request) -> Bool)?
    var deferred: [(Response) -> Void] = []

    func handle(_ request: Request, from peer: PeerCredentials, reply: @escaping (Response) -> Void) {
        guard deferring?(request) == true else { return reply(handle(request, from: peer)) }
        received.append((request, peer))
        deferred.append(reply)
    }

    /// Answers every deferred request (call on the server queue).
    func releaseDeferred() {
        let replies = deferred
        deferred = []
        for reply in replies { reply(.ok(.action(ActionResult(summary: "answered later")))) }
    }

    func handle(_ request: Request, from peer: PeerCredentials) -> Response {
        received.append((request, peer))
        if let server { maxConnections = max(maxConnections, server.connectionCount) }
        if delayMicroseconds > 0 { usleep(delayMicroseconds) }
        if let response = answer?(request) { return response }
        switch request.command {
        case .show(let id) where id == "missing":
            return .error(ControlError(.notFound, "no reminder \"missing\""))
        default:
            return .ok(.action(ActionResult(summary: "did \(request.command.name)")))
        }
    }
}

/// A real `ControlServer` on a socket in a fresh temporary directory.
final class ServerFixture: @unchecked Sendable {
    let directory: String
    let path: String
    let queue = DispatchQueue(label: "crampd.test.daemon")
    let handler = RecordingHandler()
    let socket: ControlSocket
    let server: ControlServer

    init(limits: ControlServer.Limits = .init(idleTimeout: .seconds(2))) throws {
        directory = makeTemporaryDirectory()
        path = directory + "/crampd/ctl.sock"
        socket = try ControlSocket.create(path: path)
        server = ControlServer(socket: socket, queue: queue, handler: handler, limits: limits)
        handler.server = server
        queue.sync { server.start() }
    }

    /// Stops the server (which closes the socket) and removes the directory.
    func tearDown() {
        queue.sync { server.stop() }
        queue.sync {}  // the cancel handlers that close descriptors run after stop()
        rmdir(directory + "/crampd")
        rmdir(directory)
    }

    var received: [(request: Request, peer: PeerCredentials)] { queue.sync { handler.received } }
    var connectionCount: Int { queue.sync { server.connectionCount } }

    /// Waits (briefly) until the server has no connection open.
    func waitUntilIdle(milliseconds: Int = 3000) -> Bool { waitUntil(connections: 0, milliseconds: milliseconds) }

    /// Waits (briefly) until the server has exactly `count` connections open.
    func waitUntil(connections count: Int, milliseconds: Int = 3000) -> Bool {
        for _ in 0..<(milliseconds / 10) {
            if connectionCount == count { return true }
            usleep(10_000)
        }
        return false
    }
}

func makeTemporaryDirectory() -> String {
    var template = Array("/tmp/crampd-test-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { preconditionFailure("BUG: mkdtemp failed: \(errno)") }
    return String(cString: made)
}

/// A raw client socket, for bytes the real CLI would never send.
struct RawClient {
    let fd: Int32

    /// Connects (blocking) to `path`; nil when the connection is refused. Every blocking
    /// call gives up after 3 s, so a broken server fails a test instead of hanging it.
    init?(path: String) {
        let fd = makeUnixStreamSocket(nonBlocking: false)
        guard fd >= 0 else { return nil }
        var limit = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        guard withUnixAddress(path, { connect(fd, $0, $1) }) == 0 else { Glibc.close(fd); return nil }
        self.fd = fd
    }

    /// Sends all of `bytes`; false when the server closed the connection first.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += n
        }
        return true
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Reads until end of stream or `timeoutMilliseconds` pass; `closed` tells which.
    func readAll(timeoutMilliseconds: Int = 3000) -> (bytes: [UInt8], closed: Bool) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        let deadline = monotonicMilliseconds() + Int64(timeoutMilliseconds)
        while true {
            let remaining = deadline - monotonicMilliseconds()
            guard remaining > 0 else { return (bytes, false) }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, Int32(remaining)) > 0 else { continue }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { bytes += chunk[..<n]; continue }
            if n == 0 || errno == ECONNRESET { return (bytes, true) }
            if errno != EINTR { return (bytes, true) }
        }
    }

    /// Reads exactly one line (without the newline), or nil after the timeout or at end of stream.
    func readLine(timeoutMilliseconds: Int = 3000) -> [UInt8]? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        let deadline = monotonicMilliseconds() + Int64(timeoutMilliseconds)
        while true {
            let remaining = deadline - monotonicMilliseconds()
            guard remaining > 0 else { return nil }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, Int32(remaining)) > 0 else { continue }
            let n = recv(fd, &byte, 1, 0)
            if n <= 0 { return nil }
            if byte == UInt8(ascii: "\n") { return line }
            line.append(byte)
        }
    }

    func close() { Glibc.close(fd) }
}

/// Decodes every response line in `bytes`.
func responses(in bytes: [UInt8]) throws -> [ResponseMessage] {
    try bytes.split(separator: UInt8(ascii: "\n")).map { line throws(ControlError) in try ResponseMessage(line: line) }
}

/// The error code of a response, nil for an ok response.
func errorCode(_ message: ResponseMessage) -> ErrorCode? {
    if case .error(let error) = message.response { return error.code }
    return nil
}

/// Socket descriptors this process has open (/proc/self/fd entries that link to "socket:").
func openSocketCount() -> Int {
    guard let dir = opendir("/proc/self/fd") else { return -1 }
    defer { closedir(dir) }
    var count = 0
    var target = [CChar](repeating: 0, count: 256)
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        guard name != ".", name != ".." else { continue }
        let n = readlink("/proc/self/fd/" + name, &target, target.count - 1)
        guard n > 0 else { continue }
        if String(decoding: target[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self).hasPrefix("socket:") { count += 1 }
    }
    return count
}
