import CrampProtocol
import Dispatch
import Glibc

/// One client connection: reads request lines one at a time, answers each, and
/// closes after the answer unless the request asked to keep the connection alive.
///
/// While an answer is not fully written, reading is suspended: a client gets its
/// requests answered in order and cannot make us buffer more than one line.
final class ControlConnection {
    let fd: Int32
    private let peer: PeerCredentials
    let queue: DispatchQueue
    let limits: ControlServer.Limits
    private let respond: (Request, PeerCredentials, @escaping (Response) -> Void) -> Void
    private let onClosed: (ControlConnection) -> Void

    private var framer: LineFramer
    private let readSource: DispatchSourceRead
    private var readSuspended = false
    private var writeSource: DispatchSourceWrite?
    let idleTimer: DispatchSourceTimer
    var outbox: [UInt8] = []
    var outboxStart = 0
    /// The peer closed its side: answer what is buffered, then close.
    private var endOfInput = false
    /// Close once the outbox is written.
    var closeAfterAnswer = false
    /// After an error answer the peer may still be sending (a 1 MiB line): closing with
    /// unread input would make the kernel reset the connection and the peer lose the answer.
    /// So we stop writing, read and discard until the peer closes or the idle timer ends it.
    private var drainBeforeClose = false
    private var draining = false
    private var closed = false
    /// A request is with the handler and its answer not yet back (a diary write in flight):
    /// nothing more is read or answered until it is.
    private var awaitingReply = false
    /// Inside `pump`: an answer that comes back at once is sent by the loop, not a second pump.
    private var pumping = false
    /// At least one keep-alive request was answered: the client holds the connection on purpose.
    private var answeredKeepAlive = false
    /// When a keep-alive connection last finished an answer with nothing more to do
    /// (`DispatchTime` uptime); nil while it is working. The server evicts the one idle
    /// longest when a new client arrives at the limit.
    var idleSince: UInt64?
    /// The id of the `watch` request this connection answered: from then on it carries events
    /// (`push`), reads only to notice the peer leaving, and is never idle (see ControlConnection+Watch.swift).
    var watchID: Int?
    /// A watcher fell behind: its last line (`overrun`) is queued, then the connection closes.
    var overran = false
    /// Dispatch sources still watching `fd`; it is closed when the last one's cancel handler runs.
    private var sourcesOnFD = 0

    private let readBuffer: ReadBuffer

    init(fd: Int32, peer: PeerCredentials, queue: DispatchQueue, limits: ControlServer.Limits, readBuffer: ReadBuffer,
         respond: @escaping (Request, PeerCredentials, @escaping (Response) -> Void) -> Void, closed: @escaping (ControlConnection) -> Void) {
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

    /// Closes an idle keep-alive connection to make room for a new client, saying why (best
    /// effort: the socket buffer is empty, so the short line fits).
    func evict() {
        _ = sendSome(fd, ResponseMessage(id: nil, response: .error(ControlError(.busy,
            "closing this idle connection to serve a new client; reconnect to send more"))).encodedLine()[...])
        close()
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
        if draining || watchID != nil {
            // A watcher's requests are over: what it sends is ignored, its leaving ends it.
            if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) { close() }
            return
        }
        if n > 0 {
            idleSince = nil
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
        pumping = true
        defer { pumping = false }
        while !closed && outboxIsEmpty && !awaitingReply && watchID == nil {
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
        if watchID != nil {
            resumeReading()
            if !outboxIsEmpty { watchWritable() }
        } else if awaitingReply {
            suspendReading()
        } else if outboxIsEmpty {
            resumeReading()
            if answeredKeepAlive && framer.bufferedByteCount == 0 && !endOfInput { idleSince = DispatchTime.now().uptimeNanoseconds }
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
        awaitingReply = true
        // The handler's own work is bounded; the idle clock restarts with the answer.
        idleTimer.schedule(deadline: .distantFuture)
        respond(request, peer) { [self] response in
            dispatchPrecondition(condition: .onQueue(queue))
            guard awaitingReply else { preconditionFailure("BUG: a control request was answered twice") }
            awaitingReply = false
            guard !closed else { return }  // the peer went away meanwhile
            // The client has this long to read the answer (and send the next request).
            idleTimer.schedule(deadline: .now() + limits.idleTimeout)
            closeAfterAnswer = !request.keepAlive
            answeredKeepAlive = answeredKeepAlive || request.keepAlive
            if case .watch = request.command, case .ok = response { startWatching(id: request.id) }
            send(ResponseMessage(id: request.id, response: response))
            if !pumping { pump() }
        }
    }

    /// Half-closes (the peer reads our answer, then end of file) and discards input until the peer closes.
    private func drain() {
        draining = true
        shutdown(fd, Int32(SHUT_WR))
        resumeReading()
    }

    func suspendReading() {
        guard !readSuspended else { return }
        readSuspended = true
        readSource.suspend()
    }

    func resumeReading() {
        guard readSuspended else { return }
        readSuspended = false
        readSource.resume()
    }

    // MARK: Writing

    var outboxIsEmpty: Bool { outboxStart == outbox.count }

    private func send(_ message: ResponseMessage) {
        outbox.append(contentsOf: message.encodedLine())
        flush()
    }

    /// Writes what the socket takes now.
    func flush() {
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
        if watchID != nil {
            // A watcher waits for events, not requests; one that overran has said its last.
            if overran { close() }
            return
        }
        // A complete answer restarts the idle clock for the next request.
        idleTimer.schedule(deadline: .now() + limits.idleTimeout)
    }

    func watchWritable() {
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
        if watchID == nil { pump() }
    }

    // MARK: Timeout

    private func idleTimeoutExpired() {
        guard !closed else { return }
        if outboxIsEmpty && watchID == nil {
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
