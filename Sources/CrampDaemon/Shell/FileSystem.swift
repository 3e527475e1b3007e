import Glibc

/// A failed file-system call, worded "Failed to <verb> <path>: <cause>".
public struct FileSystemError: Error, CustomStringConvertible, Sendable {
    public var verb: String
    public var path: String
    public var code: Int32

    public var description: String { "Failed to \(verb) \(path): \(String(cString: strerror(code)))" }
}

/// The few file operations the daemon shell needs, each wrapping one libc call.
public enum FileSystem {
    /// Reads a whole file; `nil` when it does not exist.
    public static func readIfExists(_ path: String) throws(FileSystemError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw FileSystemError(verb: "open", path: path, code: errno)
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(verb: "read", path: path, code: errno)
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
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
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd); unlink(temporary)
                throw FileSystemError(verb: "write", path: temporary, code: code)
            }
            offset += n
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
