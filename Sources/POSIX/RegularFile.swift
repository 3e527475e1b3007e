import Glibc

/// The one way crampd reads a file: opened without blocking, only when it is a regular
/// file, never more than the cap for its kind.
///
/// A FIFO would block `open(2)` (and with it the daemon's only queue) until a writer
/// comes; a link to `/dev/zero` never ends. `O_NONBLOCK` makes the open return at once,
/// `fstat(2)` on the open descriptor (no race with a rename) refuses anything that is
/// not a regular file, and the read stops one byte past the cap.
public enum RegularFile {
    /// The cap for one kind of file, named in the error when a file exceeds it.
    public struct Cap: Sendable, Equatable {
        /// What the files are, plural: "config files".
        public var kind: String
        public var bytes: Int

        public init(kind: String, bytes: Int) { self.kind = kind; self.bytes = bytes }

        /// `config.toml` and every drop-in. A hand-written config is a few kilobytes;
        /// 1 MiB bounds how long a reload can take (BENCHMARKS.md, "Config at scale").
        public static let config = Cap(kind: "config files", bytes: 1 << 20)
        /// `state.json`: a few hundred bytes per reminder.
        public static let state = Cap(kind: "state files", bytes: 4 << 20)
        /// Compiled tzdata; the largest zone file is under 100 KB.
        public static let timeZone = Cap(kind: "time zone files", bytes: 4 << 20)
        /// `crampd ctl import FILE`: an export of the diary. A busy day is a few kilobytes of
        /// CSV, so 64 MiB is decades; more is not a diary export.
        public static let diaryImport = Cap(kind: "diary import files", bytes: 64 << 20)
        /// `/proc/self/maps`: a line per mapping.
        public static let procfs = Cap(kind: "/proc files", bytes: 16 << 20)
    }

    /// The whole file; `nil` when it does not exist.
    public static func read(_ path: String, cap: Cap) -> Result<[UInt8]?, FileReadError> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        if fd < 0 {
            return errno == ENOENT ? .success(nil) : .failure(FileReadError(path: path, problem: .system(call: "open", code: errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(FileReadError(path: path, problem: .system(call: "fstat", code: errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(FileReadError(path: path, problem: .notRegular(typeName(info.st_mode))))
        }
        // Files in /proc say 0 here and still have content: the size is a hint, the read loop decides.
        guard Int(info.st_size) <= cap.bytes else { return .failure(FileReadError(path: path, problem: .tooLarge(cap))) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileReadError(path: path, problem: .system(call: "read", code: errno)))
            }
            if n == 0 { return .success(bytes) }
            guard bytes.count + n <= cap.bytes else { return .failure(FileReadError(path: path, problem: .tooLarge(cap))) }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// "a FIFO", "a directory", … for the error message.
    public static func typeName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFDIR: "a directory"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }
}

/// Why `RegularFile.read` failed: "Failed to read PATH: CAUSE".
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// A libc call failed with this errno.
        case system(call: String, code: Int32)
        /// The file is something else ("a FIFO").
        case notRegular(String)
        case tooLarge(RegularFile.Cap)
    }

    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) { self.path = path; self.problem = problem }

    public var cause: String {
        switch problem {
        case .system(_, let code): errnoText(code)
        case .notRegular(let type): "it is \(type), not a regular file; crampd reads only regular files"
        case .tooLarge(let cap): "larger than the \(Self.size(cap.bytes)) cap for \(cap.kind)"
        }
    }

    public var description: String { "Failed to read \(path): \(cause)" }

    /// "1 MiB", "512 KiB", "100 bytes".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
