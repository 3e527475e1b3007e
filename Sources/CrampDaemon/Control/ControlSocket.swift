import CrampProtocol
import Glibc
import POSIX

/// The listening control socket: created and bound by us, or passed by systemd.
///
/// Created sockets live at `XDGDirectories.controlSocket`, usually
/// `$XDG_RUNTIME_DIR/crampd/ctl.sock` (directory 0700, socket 0600). The file is removed at the end only if we created it and it is still ours.
/// Give it to a `ControlServer`, whose `stop()` then closes it.
public final class ControlSocket: @unchecked Sendable {
    /// The listening descriptor, non-blocking and close-on-exec. Owned: closed by `close()`.
    public let fd: Int32
    /// The socket's path when known (created, or named by the caller of `adopt`).
    public let path: String?
    /// Device and inode of the file we bound, to unlink only our own file.
    private let createdFile: (device: UInt64, inode: UInt64)?
    private var closed = false
    private var fileRemoved = false

    private init(fd: Int32, path: String?, createdFile: (device: UInt64, inode: UInt64)?) {
        self.fd = fd; self.path = path; self.createdFile = createdFile
    }

    /// Where `crampd ctl` connects: `XDGDirectories.controlSocket`. In the runtime fallback
    /// (no XDG_RUNTIME_DIR) the directory must be ours, checked as the daemon checks it, or a
    /// socket someone else put there would get our commands. A missing directory is left to
    /// `connect`, which then says crampd is not running.
    public static func clientPath(environment: [String: String]) throws(ControlSocketError) -> String {
        let directories = XDGDirectories(environment: environment)
        let path = directories.controlSocket
        guard directories.runtimeIsFallback, path.hasPrefix(directories.runtime + "/") else { return path }
        var info = stat()
        if lstat(directories.runtime, &info) != 0 && errno == ENOENT { return path }
        do throws(PrivateDirectoryError) { try PrivateDirectory.check(directories.runtime) } catch {
            throw ControlSocketError(error.description)
        }
        return path
    }

    /// Adopts a listening socket passed by systemd socket activation (`sd_listen_fds`).
    /// The file belongs to systemd: `close()` never removes it.
    public static func adopt(fd: Int32, path: String? = nil) throws(ControlSocketError) -> ControlSocket {
        guard makeNonBlockingCloseOnExec(fd) else {
            throw ControlSocketError("Failed to set up the control socket passed by systemd (fd \(fd)): \(errnoText())")
        }
        return ControlSocket(fd: fd, path: path, createdFile: nil)
    }

    /// Creates, binds and listens on `path`. Creates the parent directory (0700) when
    /// missing. Replaces a stale socket file nobody listens on; refuses when another
    /// process serves it.
    public static func create(path: String, backlog: Int32 = SOMAXCONN) throws(ControlSocketError) -> ControlSocket {
        guard Array(path.utf8).count <= maxSocketPathBytes else {
            throw ControlSocketError("Failed to bind control socket \(path): path longer than \(maxSocketPathBytes) bytes")
        }
        try makeParentDirectory(of: path)

        let fd = makeUnixStreamSocket(nonBlocking: true)
        guard fd >= 0 else { throw ControlSocketError("Failed to create control socket \(path): \(errnoText())") }
        do throws(ControlSocketError) {
            try bindReplacingStale(fd, path)
            // The directory is 0700, so nobody else can reach the file before this chmod.
            guard chmod(path, 0o600) == 0 else {
                throw ControlSocketError("Failed to set permissions of control socket \(path): \(errnoText())")
            }
            guard listen(fd, backlog) == 0 else {
                throw ControlSocketError("Failed to listen on control socket \(path): \(errnoText())")
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw ControlSocketError("Failed to stat control socket \(path): \(errnoText())")
            }
            return ControlSocket(fd: fd, path: path, createdFile: (UInt64(info.st_dev), UInt64(info.st_ino)))
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    /// Removes the socket file and closes the descriptor. Idempotent. For a socket no
    /// `ControlServer` was given; a server closes its socket itself in `stop()`.
    public func close() {
        removeFile()
        closeDescriptor()
    }

    /// Removes the socket file if we created it and nobody replaced it since, so new
    /// clients fail at once instead of waiting. Idempotent.
    func removeFile() {
        guard !fileRemoved else { return }
        fileRemoved = true
        guard let path, let createdFile else { return }
        var info = stat()
        if stat(path, &info) == 0, UInt64(info.st_dev) == createdFile.device, UInt64(info.st_ino) == createdFile.inode {
            unlink(path)
        }
    }

    /// Closes the listening descriptor. Idempotent. A server calls this only once its
    /// Dispatch source is cancelled, so Dispatch never watches a reused descriptor.
    func closeDescriptor() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }

    deinit { close() }

    private static func makeParentDirectory(of path: String) throws(ControlSocketError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let directory = String(path[..<slash])
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw ControlSocketError("Failed to create directory \(directory) for the control socket: \(errnoText())")
        }
    }

    /// `bind`, and on EADDRINUSE tell a live instance (connect succeeds: refuse)
    /// from a stale file (ECONNREFUSED: unlink and bind again).
    private static func bindReplacingStale(_ fd: Int32, _ path: String) throws(ControlSocketError) {
        if withUnixAddress(path, { bind(fd, $0, $1) }) == 0 { return }
        guard errno == EADDRINUSE else {
            throw ControlSocketError("Failed to bind control socket \(path): \(errnoText())")
        }
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFSOCK {
            throw ControlSocketError("Failed to bind control socket \(path): the file exists and is not a socket; remove it")
        }
        let probe = makeUnixStreamSocket(nonBlocking: false)
        guard probe >= 0 else { throw ControlSocketError("Failed to create a socket to probe \(path): \(errnoText())") }
        let connected = withUnixAddress(path, { connect(probe, $0, $1) }) == 0
        let probeErrno = errno
        Glibc.close(probe)
        if connected {
            throw ControlSocketError(
                "Failed to listen on \(path): another crampd already serves it; stop it first: systemctl --user stop crampd")
        }
        guard probeErrno == ECONNREFUSED || probeErrno == ENOENT else {
            throw ControlSocketError("Failed to probe existing control socket \(path): \(errnoText(probeErrno))")
        }
        // Stale: left behind by a crashed instance.
        if unlink(path) != 0 && errno != ENOENT {
            throw ControlSocketError("Failed to remove stale control socket \(path): \(errnoText())")
        }
        guard withUnixAddress(path, { bind(fd, $0, $1) }) == 0 else {
            throw ControlSocketError("Failed to bind control socket \(path): \(errnoText())")
        }
    }
}

/// A failure to set up the control socket; the message names the path and says what to do.
public struct ControlSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
