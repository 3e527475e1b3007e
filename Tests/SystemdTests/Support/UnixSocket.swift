import Glibc

/// Unix sockets for the tests: a notify socket to receive from, a listening socket to pass on.
enum UnixSocket {
    /// Calls `body` with a `sockaddr_un` for `path`.
    static func withAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        precondition(bytes.count < MemoryLayout.size(ofValue: address.sun_path), "BUG: socket path too long: \(path)")
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }

    /// A socket of `type` bound to `path` (listening when it is a stream socket); nil on failure.
    static func bound(_ path: String, type: Int32) -> Int32? {
        let fd = socket(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        unlink(path)
        let bound = withAddress(path) { bind(fd, $0, $1) } == 0
        let listening = type != Int32(SOCK_STREAM.rawValue) || listen(fd, 4) == 0
        guard bound, listening else {
            close(fd)
            return nil
        }
        return fd
    }

    /// True when a datagram socket is bound at `path` and accepts a connection (a live journald).
    static func acceptsDatagrams(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return withAddress(path) { connect(fd, $0, $1) } == 0
    }

    /// Receives one datagram, waiting at most `timeoutSeconds`.
    static func receive(_ fd: Int32, timeoutSeconds: Double) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeoutSeconds * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    /// A path under /tmp that no other test uses.
    static func temporaryPath(_ name: String) -> String {
        "/tmp/crampd-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(name)"
    }
}
