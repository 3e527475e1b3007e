import Glibc
import POSIX

/// A directory only its user may enter: the runtime fallback in /tmp, where anyone may have
/// created the name first. Checked with lstat, so a symlink or someone else's directory is
/// refused rather than followed.
public enum PrivateDirectory {
    /// Creates `path` (mode 0700) when missing, then checks it: a real directory, owned by
    /// `userID`, with no access for group or others.
    public static func prepare(_ path: String, userID: uid_t = getuid()) throws(PrivateDirectoryError) {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw PrivateDirectoryError(path: path, problem: "Failed to create it: \(errnoText())")
        }
        try check(path, userID: userID)
    }

    /// Checks an existing `path` without creating it (what `crampd ctl` does before connecting).
    public static func check(_ path: String, userID: uid_t = getuid()) throws(PrivateDirectoryError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw PrivateDirectoryError(path: path, problem: "Failed to inspect it: \(errnoText())")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw PrivateDirectoryError(path: path, problem: "expected a directory, got \(info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "another kind of file")")
        }
        guard info.st_uid == userID else {
            throw PrivateDirectoryError(path: path, problem: "expected it to be owned by uid \(userID), got uid \(info.st_uid)")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw PrivateDirectoryError(path: path, problem: "expected mode 0700, got 0\(String(info.st_mode & 0o777, radix: 8))")
        }
    }
}

/// A runtime directory that is not safely ours; says what to do.
public struct PrivateDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public init(path: String, problem: String) { self.path = path; self.problem = problem }
    public var description: String {
        "Refusing to use the runtime directory \(path): \(problem); remove it, or set XDG_RUNTIME_DIR to a private directory"
    }
}
