import CrampProtocol
import Dispatch
import Glibc

/// Serves the control socket on the daemon's serial queue.
///
/// Accepting, reading and writing are non-blocking Dispatch sources on `queue`, so
/// the handler runs on the same queue that owns the daemon's state, one request at
/// a time. Every connection is checked with `SO_PEERCRED` (our user and root only),
/// limited in line length, idle time and number, and always answered before it is
/// closed (except when the peer itself goes away).
public final class ControlServer: @unchecked Sendable {  // all state confined to `queue`
    public struct Limits: Sendable {
        /// The longest request line; a longer one gets `too-large` and the connection is closed.
        public var maxLineBytes: Int
        /// A connection without a complete request (or not reading its response) for
        /// this long is dropped; restarts after every response.
        public var idleTimeout: DispatchTimeInterval
        /// More clients at once get `busy` and are closed, unless a keep-alive client is idle
        /// between requests: the one idle longest is closed to make room.
        public var maxClients: Int

        /// At most this many `watch` connections (each also a client); one more gets `busy`.
        public var maxWatchers: Int
        /// The most a watcher may leave unread in the daemon before it is dropped (`overrun`).
        public var watchBufferBytes: Int
        /// SO_SNDBUF of a watcher's socket: small, so a stalled reader shows in `watchBufferBytes`.
        public var watchSocketBufferBytes: Int
        /// How long a dropped watcher may take to read its `overrun` line before it is closed.
        public var overrunGrace: DispatchTimeInterval

        public init(maxLineBytes: Int = ControlProtocol.maxLineBytes,
                    idleTimeout: DispatchTimeInterval = .seconds(5), maxClients: Int = 64,
                    maxWatchers: Int = 16, watchBufferBytes: Int = 64 * 1024, watchSocketBufferBytes: Int = 16 * 1024,
                    overrunGrace: DispatchTimeInterval = .seconds(60)) {
            self.maxLineBytes = maxLineBytes; self.idleTimeout = idleTimeout; self.maxClients = maxClients
            self.maxWatchers = maxWatchers; self.watchBufferBytes = watchBufferBytes; self.watchSocketBufferBytes = watchSocketBufferBytes
            self.overrunGrace = overrunGrace
        }
    }

    private let socket: ControlSocket
    private let queue: DispatchQueue
    /// Weak: the daemon owns the server and is usually its handler.
    private weak var handler: (any ControlHandler)?
    public let limits: Limits
    private let allowedUIDs: Set<UInt32>
    private var acceptSource: DispatchSourceRead?
    private var acceptPaused = false
    private var connections: [ObjectIdentifier: ControlConnection] = [:]
    /// One read buffer for all connections: they read one at a time, on `queue`.
    private let readBuffer = ReadBuffer(byteCount: 16 * 1024)
    private var stopped = false

    /// - Parameters:
    ///   - socket: the listening socket; the server owns it from now on and closes it in `stop()`.
    ///   - queue: the daemon's serial queue; every source and the handler run on it.
    public init(socket: ControlSocket, queue: DispatchQueue, handler: any ControlHandler, limits: Limits = Limits()) {
        self.socket = socket; self.queue = queue; self.handler = handler; self.limits = limits
        allowedUIDs = [geteuid(), 0]
    }

    /// Starts accepting. Call on `queue`, once.
    public func start() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard acceptSource == nil, !stopped else { preconditionFailure("BUG: ControlServer.start() called twice") }
        let source = DispatchSource.makeReadSource(fileDescriptor: socket.fd, queue: queue)
        source.setEventHandler { [unowned self] in acceptPending() }
        source.setCancelHandler { [socket] in socket.closeDescriptor() }
        acceptSource = source
        source.activate()
    }

    /// Stops accepting, closes every connection without answering it, and closes the
    /// socket: its file (if we created it) is gone when this returns; the descriptor is
    /// closed once Dispatch lets go of it, on `queue`. Call on `queue`. Idempotent.
    public func stop() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard !stopped else { return }
        stopped = true
        socket.removeFile()
        if let acceptSource {
            if acceptPaused { acceptSource.resume() }
            acceptSource.cancel()
        } else {
            socket.closeDescriptor()
        }
        acceptSource = nil
        for connection in connections.values { connection.close() }
        connections.removeAll()
    }

    /// Called on `queue` for each client turned away before its request is read
    /// (`permission-denied`, `busy`), e.g. to log who knocked. Set before `start()`.
    public var onRefused: ((PeerCredentials, ControlError) -> Void)?

    /// Connections being served now. Read on `queue`.
    public var connectionCount: Int { connections.count }

    /// Connections that `watch`, not dropped. Read on `queue`.
    public var watcherCount: Int { connections.values.count { $0.isWatching } }

    /// Hands `event` to every watcher. Call on `queue`; costs nothing without watchers.
    public func publish(_ event: WatchEvent) {
        dispatchPrecondition(condition: .onQueue(queue))
        for connection in connections.values where connection.isWatching { connection.push(event) }
    }

    /// Accepts what is pending, a bounded batch per event so timers and other work interleave.
    private func acceptPending() {
        for _ in 0..<limits.maxClients {
            // accept4(2) is hidden by Glibc's module without _GNU_SOURCE; the daemon does not fork,
            // so setting the flags right after accept leaks nothing.
            let fd = accept(socket.fd, nil, nil)
            if fd < 0 {
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: pauseAccepting(); return
                default: return  // EAGAIN: nothing more pending
                }
            }
            guard makeAcceptedNonBlockingCloseOnExec(fd) else { close(fd); continue }
            admit(fd)
        }
    }

    /// Out of descriptors or memory: the source would fire again at once, so rest a little.
    private func pauseAccepting() {
        guard let acceptSource, !acceptPaused else { return }
        acceptPaused = true
        acceptSource.suspend()
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) { [weak self] in
            guard let self, self.acceptPaused, !self.stopped else { return }
            self.acceptPaused = false
            self.acceptSource?.resume()
        }
    }

    private func admit(_ fd: Int32) {
        guard let peer = peerCredentials(of: fd) else {
            close(fd)
            return
        }
        guard allowedUIDs.contains(peer.uid) else {
            reject(fd, peer, ControlError(.permissionDenied,
                "user \(peer.uid) may not control the crampd of user \(geteuid()); only that user and root may"))
            return
        }
        if connections.count >= limits.maxClients, let idlest = longestIdleKeepAlive() {
            idlest.evict()
        }
        guard connections.count < limits.maxClients else {
            reject(fd, peer, ControlError(.busy, "crampd is serving \(limits.maxClients) clients already; retry shortly"))
            return
        }
        let connection = ControlConnection(fd: fd, peer: peer, queue: queue, limits: limits, readBuffer: readBuffer,
            respond: { [unowned self] request, peer, reply in respond(to: request, from: peer, reply: reply) },
            closed: { [unowned self] connection in connections[ObjectIdentifier(connection)] = nil })
        connections[ObjectIdentifier(connection)] = connection
        connection.start()
    }

    /// Answers without reading the request, then closes. The line is short and the socket
    /// buffer empty, so one non-blocking write takes it whole.
    private func reject(_ fd: Int32, _ peer: PeerCredentials, _ error: ControlError) {
        _ = sendSome(fd, ResponseMessage(id: nil, response: .error(error)).encodedLine()[...])
        // Read what already arrived so the peer sees a clean end of stream after our answer.
        var scratch = [UInt8](repeating: 0, count: 4096)
        _ = recv(fd, &scratch, scratch.count, Int32(MSG_DONTWAIT))
        close(fd)
        onRefused?(peer, error)
    }

    /// Keep-alive clients waiting between requests hold slots a new client needs more: the
    /// one idle longest gives way (64 chatty clients cannot lock `crampd ctl status` out).
    private func longestIdleKeepAlive() -> ControlConnection? {
        connections.values.lazy.filter { $0.idleSince != nil }.min { ($0.idleSince ?? .max) < ($1.idleSince ?? .max) }
    }

    private func respond(to request: Request, from peer: PeerCredentials, reply: @escaping (Response) -> Void) {
        guard let handler else { return reply(.error(ControlError(.internal, "crampd is shutting down"))) }
        if case .watch = request.command, watcherCount >= limits.maxWatchers {
            return reply(.error(ControlError(.busy, "crampd serves \(limits.maxWatchers) watchers (ctl watch, ctl bar) already; stop one and retry")))
        }
        handler.handle(request, from: peer, reply: reply)
    }
}
