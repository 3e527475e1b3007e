import Glibc

// Thin wrappers over the libc socket calls the control socket, server and client share
// (`errnoText` is the one in the POSIX target).

/// `sun_path` holds 108 bytes including the terminating NUL.
let maxSocketPathBytes = MemoryLayout<sockaddr_un>.size - MemoryLayout<sa_family_t>.size - 1

/// Calls `body` with a `sockaddr_un` for `path`; nil when the path does not fit.
func withUnixAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T? {
    let bytes = Array(path.utf8)
    guard !bytes.isEmpty, bytes.count <= maxSocketPathBytes else { return nil }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        raw.copyBytes(from: bytes)
        raw[bytes.count] = 0
    }
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
}

/// A new unix stream socket, close-on-exec; -1 with errno set on failure.
/// The corresponding C function is `socket(2)`.
func makeUnixStreamSocket(nonBlocking: Bool) -> Int32 {
    var type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    if nonBlocking { type |= Int32(SOCK_NONBLOCK.rawValue) }
    return socket(AF_UNIX, type, 0)
}

/// `struct ucred` from <sys/socket.h>, which Glibc hides without _GNU_SOURCE; same layout.
private struct UCred {
    var pid: pid_t = 0
    var uid: uid_t = 0
    var gid: gid_t = 0
}

/// The peer of a connected unix socket. The corresponding C call is `getsockopt(SO_PEERCRED)`.
func peerCredentials(of fd: Int32) -> PeerCredentials? {
    var credentials = UCred()
    var length = socklen_t(MemoryLayout<UCred>.size)
    guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0 else { return nil }
    return PeerCredentials(pid: credentials.pid, uid: credentials.uid, gid: credentials.gid)
}

/// Sets `O_NONBLOCK` and `FD_CLOEXEC` on a freshly accepted socket, whose flags are
/// known to be clear (two calls instead of four); false with errno set on failure.
func makeAcceptedNonBlockingCloseOnExec(_ fd: Int32) -> Bool {
    fcntl(fd, F_SETFL, O_NONBLOCK) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0
}

/// Sets `O_NONBLOCK` and `FD_CLOEXEC`, keeping the other flags; false with errno set on failure.
func makeNonBlockingCloseOnExec(_ fd: Int32) -> Bool {
    let flags = fcntl(fd, F_GETFL)
    guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else { return false }
    let fdFlags = fcntl(fd, F_GETFD)
    return fdFlags >= 0 && fcntl(fd, F_SETFD, fdFlags | FD_CLOEXEC) == 0
}

/// Writes as much of `bytes` as the socket takes now, without SIGPIPE. Returns the
/// count written, or -1 with errno set (EAGAIN when the socket is full).
func sendSome(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Int {
    bytes.withUnsafeBytes { raw in
        while true {
            let n = send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }
}
