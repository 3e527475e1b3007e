import Glibc
import Systemd

/// A real systemd-journald for the journal tests: the one already running, or one we start
/// and stop again (by PID) when the test is done.
enum Journald {
    static let binary = "/lib/systemd/systemd-journald"
    /// Shared with Tests/e2e/lib/systemd-env.sh, so two test runs do not both start a journald.
    static let lockPath = "/run/lock/crampd-journald.lock"

    /// As long as Tests/e2e/lib/systemd-env.sh waits for the same lock: a test never waits forever.
    static let lockWaitSeconds = 60.0

    /// Takes an exclusive flock on `fd`, retrying without blocking until `seconds` have passed.
    static func lockWithin(_ fd: Int32, seconds: Double) -> Bool {
        let deadline = Subprocess.monotonicSeconds() + seconds
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Subprocess.monotonicSeconds() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `body` while a journald serves /run/systemd/journal/socket.
    static func withRunning<T>(_ body: () throws -> T) throws -> T {
        let started = try startUnlessRunning()
        defer {
            if let started {
                kill(started, SIGTERM)
                if Subprocess.waitExit(started, timeoutSeconds: 5) == nil {
                    kill(started, SIGKILL)
                    Subprocess.waitExit(started)
                }
            }
        }
        return try body()
    }

    /// Starts journald when none answers on its socket; returns the PID we started, if any.
    private static func startUnlessRunning() throws -> pid_t? {
        mkdir("/run/lock", 0o755)
        // Read-only: flock works on any open file, also one another user created.
        let lock = open(lockPath, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
        defer {
            if lock >= 0 { close(lock) }
        }
        if lock >= 0 && !lockWithin(lock, seconds: lockWaitSeconds) {
            throw Unavailable(description: "Failed to lock \(lockPath) within \(Int(lockWaitSeconds)) s: another test run holds it; retry when it is done")
        }
        if UnixSocket.acceptsDatagrams(Journal.socketPath) { return nil }
        guard access(binary, X_OK) == 0 else {
            throw Unavailable(description: "\(binary) not found: install systemd")
        }
        let pid = try Subprocess.spawn([binary])
        let deadline = Subprocess.monotonicSeconds() + 10
        while Subprocess.monotonicSeconds() < deadline {
            if UnixSocket.acceptsDatagrams(Journal.socketPath) { return pid }
            if let status = Subprocess.waitExit(pid, timeoutSeconds: 0.02) {
                throw Unavailable(description: "\(binary) exited with status \(status)")
            }
        }
        kill(pid, SIGKILL)
        Subprocess.waitExit(pid)
        throw Unavailable(description: "\(binary) did not open \(Journal.socketPath) within 10 s")
    }
}
