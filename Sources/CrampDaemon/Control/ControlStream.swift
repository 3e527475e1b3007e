import CrampProtocol
import Glibc
import POSIX

/// The client side of `watch`: one request, then a stream of answers on the same connection
/// until either side closes it. Connecting and the first answer are bounded by the client's
/// timeout; after that the reader waits as long as its caller says (`next(within:)`), so a
/// status bar can wake for its minute counter without a thread or a timer of the daemon's.
public final class ControlStream {
    private let fd: Int32
    private let client: ControlClient
    private var framer = LineFramer(maxLineBytes: ControlProtocol.maxLineBytes)
    /// The daemon's answer to the request (for `watch`: an `.action`, or an error such as `busy`).
    public private(set) var first: ResponseMessage

    public init(client: ControlClient, request: Request) throws(ControlClientError) {
        self.client = client
        fd = makeUnixStreamSocket(nonBlocking: true)
        guard fd >= 0 else { throw .failed("Failed to create a socket: \(errnoText())") }
        first = ResponseMessage(id: nil, response: .error(ControlError(.internal, "no answer yet")))
        do {
            let deadline = monotonicMilliseconds() + Int64(client.timeoutMilliseconds)
            try client.connect(fd, deadline: deadline)
            try client.write(fd, request.encodedLine(), deadline: deadline)
            guard let answer = try next(within: client.timeoutMilliseconds) else {
                throw .failed("Failed to get an answer from crampd at \(client.path): no response within \(client.timeoutMilliseconds) ms")
            }
            first = answer
        }  // on failure deinit closes fd
    }

    deinit { close(fd) }

    /// The next message, or nil when none came within `milliseconds` (nil: wait as long as it takes).
    /// Throws when the daemon closed the connection (it stopped or dropped this client) or it broke.
    public func next(within milliseconds: Int?) throws(ControlClientError) -> ResponseMessage? {
        let deadline = milliseconds.map { monotonicMilliseconds() + Int64($0) }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let line: [UInt8]?
            do throws(LineTooLong) { line = try framer.nextLine() } catch {
                throw .failed("Failed to read from crampd at \(client.path): a line longer than \(error.limit) bytes")
            }
            if let line { return try client.decode(line) }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { framer.append(chunk[..<n]); continue }
            if n == 0 { throw .failed("crampd at \(client.path) closed the connection (it stopped or restarted)") }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let remaining = deadline.map { Int32(clamping: max(0, $0 - monotonicMilliseconds())) } ?? -1
                let ready = poll(&pollFD, 1, remaining)
                if ready == 0 { return nil }
                if ready < 0 && errno != EINTR { throw .failed("Failed to wait for crampd at \(client.path): \(errnoText())") }
            default: throw .failed("Failed to read from crampd at \(client.path): \(errnoText())")
            }
        }
    }
}
