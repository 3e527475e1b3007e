import Glibc
import POSIX

/// One crampd per state directory: an exclusive `flock` on `crampd.lock` in it, held until
/// the process exits, with the holder's pid written in the file so a second one can name it.
/// State and diary writes then never race between two daemons.
public final class StateLock: @unchecked Sendable {  // immutable after init
    /// The open lock file; the lock lasts as long as this descriptor (the process's life).
    private let fd: Int32
    public let path: String

    private init(fd: Int32, path: String) { self.fd = fd; self.path = path }

    /// The lock file's name in the state directory.
    public static let fileName = "crampd.lock"

    /// Creates the state directory when missing, then takes the lock without waiting.
    public static func acquire(stateDirectory: String, pid: pid_t = getpid()) throws(StateLockError) -> StateLock {
        do { try FileSystem.makeDirectories(stateDirectory) } catch {
            throw StateLockError("\(error)")
        }
        let path = stateDirectory + "/" + fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw StateLockError("Failed to open lock file \(path): \(errnoText())") }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let code = errno
            let holder = readPID(fd)
            close(fd)
            guard code == EWOULDBLOCK else { throw StateLockError("Failed to lock \(path): \(errnoText(code))") }
            let who = holder.map { "another crampd (pid \($0))" } ?? "another crampd"
            throw StateLockError("Failed to start: \(who) already runs with the state directory \(stateDirectory); "
                                 + "stop it first (systemctl --user stop crampd, or kill \(holder.map(String.init) ?? "it"))")
        }
        let text = Array("\(pid)\n".utf8)
        // The pid is a courtesy for the message above; the lock holds whether or not it is written.
        if ftruncate(fd, 0) == 0 { _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } }
        return StateLock(fd: fd, path: path)
    }

    /// The pid the holder wrote, if the file holds one.
    private static func readPID(_ fd: Int32) -> pid_t? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let digits = buffer[..<count].prefix { $0 >= 0x30 && $0 <= 0x39 }
        return pid_t(String(decoding: digits, as: UTF8.self)).flatMap { $0 > 0 ? $0 : nil }
    }

    deinit { close(fd) }
}

/// Another crampd holds the state directory, or the lock file cannot be used.
public struct StateLockError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
