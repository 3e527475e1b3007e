import CrampProtocol
import Dispatch
import Glibc

/// One client connection: reads request lines one at a time, answers each, and
/// closes after the answer unless the request asked to keep the connection alive.
///
/// While an answer is not fully written, reading is suspended: a client gets its
/// requests answered in order and cannot make us buffer more than one line.
final class ControlConnection {
    private let fd: Int32
    private let peer: PeerCredentials
    private let queue: DispatchQueue
    private let limits: ControlServer.Limits
    private let respond: (Request, PeerCredentials) -> Response
    private let onClosed: (ControlConnection) -> Void

    private var framer: LineFramer
    private let readSource: DispatchSourceRead
    private var readSuspended = false
    private var writeSource: DispatchSourceWrite?
    private let idleTimer: DispatchSourceTimer
    private var outbox: [UInt8] = []
    private var outboxStart = 0
    /// The peer closed its side: answer what is buffered, then close.
    private var endOfInput = false
    /// Close once the outbox is written.
    private var closeAfterAnswer = false
    /// After an error answer the peer may still be sending (a 1 MiB line): closing with
    /// unread input would make the kernel reset the connection and the peer lose the answer.
    /// So we stop writing, read and discard until the peer closes or the idle timer ends it.
    private var drainBeforeClose = false
    private var draining = false
    private var closed = false
    /// Dispatch sources still watching `fd`; it is closed when the last one's cancel handler runs.
    private var sourcesOnFD = 0

    private let readBuffer: ReadBuffer

    init(fd: Int32, peer: PeerCredentials, queue: DispatchQueue, limits: ControlServer.Limits, readBuffer: ReadBuffer,
         respond: @escaping (Request, PeerCredentials) -> Response, closed: @escaping (ControlConnection) -> Void) {
        self.fd = fd; self.peer = peer; self.queue = queue; self.limits = limits; self.readBuffer = readBuffer
        self.respond = respond; self.onClosed = closed
        framer = LineFramer(maxLineBytes: limits.maxLineBytes)
        readSource = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        idleTimer = DispatchSource.makeTimerSource(queue: queue)
    }

    func start() {
        // The sources hold the connection strongly until cancelled: it lives while it is open.
        readSource.setEventHandler { [self] in readAvailable() }
        readSource.setCancelHandler { [self] in sourceOnFDCancelled() }
        sourcesOnFD += 1
        idleTimer.setEventHandler { [self] in idleTimeoutExpired() }
        idleTimer.schedule(deadline: .now() + limits.idleTimeout)
        readSource.activate()
        idleTimer.activate()
    }

    /// Closes now, without answering. Idempotent.
    func close() {
        guard !closed else { return }
        closed = true
        idleTimer.cancel()
        if readSuspended { readSource.resume(); readSuspended = false }
        readSource.cancel()
        writeSource?.cancel()
        writeSource = nil
        onClosed(self)
    }

    private func sourceOnFDCancelled() {
        sourcesOnFD -= 1
        if sourcesOnFD == 0 { Glibc.close(fd) }
    }

    // MARK: Reading

    private func readAvailable() {
        guard !closed else { return }
        let buffer = readBuffer.bytes
        let n = recv(fd, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT))
        if draining {
            if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) { close() }
            return
        }
        if n > 0 {
            framer.append(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        } else if n == 0 {
            endOfInput = true
        } else {
            switch errno {
            case EAGAIN, EWOULDBLOCK, EINTR: return
            default: close(); return  // ECONNRESET and the like: nobody to answer
            }
        }
        pump()
    }

    /// Answers buffered requests one at a time while the previous answer is fully written.
    private func pump() {
        while !closed && outboxIsEmpty {
            if closeAfterAnswer {
                if drainBeforeClose { drain() } else { close() }
                return
            }
            let line: [UInt8]?
            do throws(LineTooLong) {
                line = endOfInput ? try framer.finish() : try framer.nextLine()
            } catch {
                send(ResponseMessage(id: nil, response: .error(ControlError(.tooLarge,
                    "request longer than \(error.limit) bytes; closing the connection"))))
                closeAfterAnswer = true
                drainBeforeClose = true
                continue
            }
            guard let line else {
                if endOfInput { close() }
                break
            }
            answer(line)
        }
        guard !closed else { return }
        if outboxIsEmpty {
            resumeReading()
        } else {
            suspendReading()
            watchWritable()
        }
    }

    private func answer(_ line: [UInt8]) {
        let request: Request
        do {
            request = try Request(line: line)
        } catch {
            // Whatever the client meant, it cannot be trusted to send a well-framed next request.
            closeAfterAnswer = true
            drainBeforeClose = true
            send(ResponseMessage(id: error.id, response: .error(error.error)))
            return
        }
        let response = respond(request, peer)
        closeAfterAnswer = !request.keepAlive
        send(ResponseMessage(id: request.id, response: response))
    }

    /// Half-closes (the peer reads our answer, then end of file) and discards input until the peer closes.
    private func drain() {
        draining = true
        shutdown(fd, Int32(SHUT_WR))
        resumeReading()
    }

    private func suspendReading() {
        guard !readSuspended else { return }
        readSuspended = true
        readSource.suspend()
    }

    private func resumeReading() {
        guard readSuspended else { return }
        readSuspended = false
        readSource.resume()
    }

    // MARK: Writing

    private var outboxIsEmpty: Bool { outboxStart == outbox.count }

    private func send(_ message: ResponseMessage) {
        outbox.append(contentsOf: message.encodedLine())
        flush()
    }

    /// Writes what the socket takes now.
    private func flush() {
        while !outboxIsEmpty {
            let n = sendSome(fd, outbox[outboxStart...])
            if n < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK { return }
                close()  // EPIPE, ECONNRESET: the peer is gone
                return
            }
            outboxStart += n
        }
        outbox.removeAll(keepingCapacity: true)
        outboxStart = 0
        // A complete answer restarts the idle clock for the next request.
        idleTimer.schedule(deadline: .now() + limits.idleTimeout)
    }

    private func watchWritable() {
        guard writeSource == nil else { return }
        let source = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [self] in writable() }
        source.setCancelHandler { [self] in sourceOnFDCancelled() }
        sourcesOnFD += 1
        writeSource = source
        source.activate()
    }

    private func writable() {
        guard !closed else { return }
        flush()
        guard !closed, outboxIsEmpty else { return }
        writeSource?.cancel()
        writeSource = nil
        pump()
    }

    // MARK: Timeout

    private func idleTimeoutExpired() {
        guard !closed else { return }
        if outboxIsEmpty {
            // Best effort: say why before hanging up; a peer that is not reading just loses it.
            _ = sendSome(fd, ResponseMessage(id: nil, response: .error(ControlError(.timeout,
                "no complete request within the time limit; closing the connection"))).encodedLine()[...])
        }
        close()
    }
}

/// A scratch buffer for `recv`, allocated once per server.
final class ReadBuffer {
    let bytes: UnsafeMutableRawBufferPointer
    init(byteCount: Int) { bytes = .allocate(byteCount: byteCount, alignment: 16) }
    deinit { bytes.deallocate() }
}
