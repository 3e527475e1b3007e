import Glibc
import POSIX

/// A failed file-system call, worded "Failed to <verb> <path>: <cause>".
public struct FileSystemError: Error, CustomStringConvertible, Sendable {
    public var verb: String
    public var path: String
    public var code: Int32
    /// Said instead of the errno text when crampd refused before a call failed ("it is a FIFO, …").
    public var reason: String?

    public init(verb: String, path: String, code: Int32, reason: String? = nil) {
        self.verb = verb; self.path = path; self.code = code; self.reason = reason
    }

    init(_ error: FileReadError) {
        if case .system(_, let code) = error.problem { self.init(verb: "read", path: error.path, code: code) }
        else { self.init(verb: "read", path: error.path, code: 0, reason: error.cause) }
    }

    public var description: String { "Failed to \(verb) \(path): \(reason ?? errnoText(code))" }
}

/// The few file operations the daemon shell needs, each wrapping one libc call.
public enum FileSystem {
    /// Reads a whole regular file of at most `cap` bytes (`RegularFile.read`); `nil` when it does not exist.
    public static func readIfExists(_ path: String, cap: RegularFile.Cap) throws(FileSystemError) -> [UInt8]? {
        switch RegularFile.read(path, cap: cap) {
        case .success(let bytes): return bytes
        case .failure(let error): throw FileSystemError(error)
        }
    }

    /// Creates a directory and its parents with `mode` (existing ones are kept as they are).
    public static func makeDirectories(_ path: String, mode: mode_t = 0o700) throws(FileSystemError) {
        var prefix = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + part
            if mkdir(prefix, mode) != 0 && errno != EEXIST {
                throw FileSystemError(verb: "create directory", path: prefix, code: errno)
            }
        }
    }

    /// Replaces `path` with `bytes` so that a crash leaves either the old or the
    /// new content, never a mix: write a temporary file, fsync it, rename it over
    /// the old one, fsync the directory.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o600) throws(FileSystemError) {
        let directory = parentDirectory(of: path)
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        if fd < 0 { throw FileSystemError(verb: "create", path: temporary, code: errno) }
        if let code = writeAll(fd, bytes) {
            close(fd); unlink(temporary)
            throw FileSystemError(verb: "write", path: temporary, code: code)
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd); unlink(temporary)
            throw FileSystemError(verb: "sync", path: temporary, code: code)
        }
        close(fd)
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw FileSystemError(verb: "rename", path: temporary, code: code)
        }
        let dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    /// Moves a damaged file aside as `path.corrupt-<suffix>` so nothing is lost.
    public static func moveAside(_ path: String, suffix: String) throws(FileSystemError) -> String {
        let target = "\(path).corrupt-\(suffix)"
        if rename(path, target) != 0 { throw FileSystemError(verb: "rename", path: path, code: errno) }
        return target
    }

    public static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
