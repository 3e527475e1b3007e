import CrampProtocol
import Glibc
import POSIX

/// The client side of the control socket: one request, one response, within a deadline.
///
/// Used by `crampd ctl` and by tests. Blocking, with `poll(2)` bounding every wait,
/// so a stuck daemon costs at most `timeoutMilliseconds`.
public struct ControlClient: Sendable {
    public var path: String
    /// The whole exchange, connect to response, retries on `busy` included.
    public var timeoutMilliseconds: Int
    /// Retry (with a short pause) while the daemon answers `busy`, until the deadline.
    public var retryWhenBusy: Bool

    public init(path: String, timeoutMilliseconds: Int = 5000, retryWhenBusy: Bool = true) {
        self.path = path; self.timeoutMilliseconds = timeoutMilliseconds; self.retryWhenBusy = retryWhenBusy
    }

    /// Sends `request` and returns the daemon's answer (which may be an error response).
    public func send(_ request: Request) throws(ControlClientError) -> ResponseMessage {
        let deadline = monotonicMilliseconds() + Int64(timeoutMilliseconds)
        var pauseMilliseconds: Int32 = 5
        while true {
            let message = try exchange(request.encodedLine(), deadline: deadline)
            guard retryWhenBusy, case .error(let error) = message.response, error.code == .busy,
                  monotonicMilliseconds() + Int64(pauseMilliseconds) < deadline else { return message }
            poll(nil, 0, pauseMilliseconds)
            pauseMilliseconds = min(pauseMilliseconds * 2, 100)
        }
    }

    private func exchange(_ line: [UInt8], deadline: Int64) throws(ControlClientError) -> ResponseMessage {
        let fd = makeUnixStreamSocket(nonBlocking: true)
        guard fd >= 0 else { throw .failed("Failed to create a socket: \(errnoText())") }
        defer { close(fd) }
        try connect(fd, deadline: deadline)
        try write(fd, line, deadline: deadline)
        return try readResponse(fd, deadline: deadline)
    }

    func connect(_ fd: Int32, deadline: Int64) throws(ControlClientError) {
        while true {
            guard let result = withUnixAddress(path, { Glibc.connect(fd, $0, $1) }) else {
                throw .unavailable(path: path, cause: "socket path too long")
            }
            if result == 0 { return }
            switch errno {
            case EINTR:
                continue
            case EAGAIN:
                // The listen backlog is full: the daemon is alive but swamped.
                guard monotonicMilliseconds() < deadline else { throw timedOut() }
                poll(nil, 0, 2)
            default:
                throw .unavailable(path: path, cause: errnoText())
            }
        }
    }

    func write(_ fd: Int32, _ bytes: [UInt8], deadline: Int64) throws(ControlClientError) {
        var written = 0
        while written < bytes.count {
            let n = sendSome(fd, bytes[written...])
            if n >= 0 { written += n; continue }
            switch errno {
            case EAGAIN, EWOULDBLOCK:
                try wait(fd, for: Int16(POLLOUT), deadline: deadline)
            case EPIPE, ECONNRESET:
                return  // the daemon answered before reading (busy, permission denied): read that
            default:
                throw .failed("Failed to send the request to crampd at \(path): \(errnoText())")
            }
        }
    }

    private func readResponse(_ fd: Int32, deadline: Int64) throws(ControlClientError) -> ResponseMessage {
        // Answers come from our own daemon; `export` of years of diary is one long line.
        var framer = LineFramer(maxLineBytes: 1024 * ControlProtocol.maxLineBytes)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let line: [UInt8]?
            do throws(LineTooLong) {
                line = try framer.nextLine()
            } catch {
                throw .failed("Failed to read the response from crampd at \(path): longer than \(error.limit) bytes")
            }
            if let line { return try decode(line) }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { framer.append(chunk[..<n]); continue }
            if n == 0 {
                throw .failed("Failed to read the response from crampd at \(path): the connection closed without an answer")
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(fd, for: Int16(POLLIN), deadline: deadline)
            default: throw .failed("Failed to read the response from crampd at \(path): \(errnoText())")
            }
        }
    }

    func decode(_ line: [UInt8]) throws(ControlClientError) -> ResponseMessage {
        do throws(ControlError) {
            return try ResponseMessage(line: line)
        } catch {
            throw .failed(error.message)
        }
    }

    func wait(_ fd: Int32, for events: Int16, deadline: Int64) throws(ControlClientError) {
        while true {
            let remaining = deadline - monotonicMilliseconds()
            guard remaining > 0 else { throw timedOut() }
            var pollFD = pollfd(fd: fd, events: events, revents: 0)
            let n = poll(&pollFD, 1, Int32(remaining))
            if n > 0 { return }
            if n < 0 && errno != EINTR { throw .failed("Failed to wait for crampd at \(path): \(errnoText())") }
        }
    }

    private func timedOut() -> ControlClientError {
        .failed("Failed to get an answer from crampd at \(path): no response within \(timeoutMilliseconds) ms")
    }
}

/// Why a request got no answer.
public enum ControlClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nobody listens on the socket (exit status 69, EX_UNAVAILABLE).
    case unavailable(path: String, cause: String)
    /// Connected, but the exchange failed.
    case failed(String)

    public var description: String {
        switch self {
        case .unavailable(let path, let cause): "Failed to connect to crampd at \(path): \(cause)"
        case .failed(let message): message
        }
    }
}

func monotonicMilliseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
}
