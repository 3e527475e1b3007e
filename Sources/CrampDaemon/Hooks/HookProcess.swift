import CProcess
import Glibc
import POSIX

/// Starting one hook process: posix_spawnp, no shell, stdin from /dev/null, stdout and stderr
/// into pipes, in a process group of its own (so a timeout stops its children too), with the
/// signals the daemon ignores set back to their defaults and none blocked.
struct HookProcess {
    let pid: pid_t
    /// Readable when the process has exited (pidfd_open).
    let pidFD: Int32
    /// The read ends of its stdout and stderr, non-blocking.
    let stdout: Int32
    let stderr: Int32

    /// Starts `argv` with exactly `environment`; the error is errno's text.
    static func spawn(_ argv: [String], environment: [String]) -> Result<HookProcess, SpawnError> {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { return .failure(SpawnError("Failed to create a pipe: \(errnoText())")) }
        guard pipe(&errPipe) == 0 else {
            let error = errnoText()
            close(outPipe[0]); close(outPipe[1])
            return .failure(SpawnError("Failed to create a pipe: \(error)"))
        }
        // The daemon's ends must not leak into this or any later child.
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        defer { close(outPipe[1]); close(errPipe[1]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGHUP, SIGTERM, SIGINT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        var pid: pid_t = 0
        let status = withCStrings(argv) { cArgv in
            withCStrings(environment) { cEnvironment in
                posix_spawnp(&pid, argv[0], &actions, &attributes, cArgv, cEnvironment)
            }
        }
        guard status == 0 else {
            for fd in [outPipe[0], errPipe[0]] { close(fd) }
            return .failure(SpawnError(String(cString: strerror(status))))
        }
        let pidFD = crampd_pidfd_open(pid)
        guard pidFD >= 0 else {
            // Without it the child could not be reaped: stop it now.
            let error = errnoText()
            kill(-pid, SIGKILL)
            var ignored: Int32 = 0
            waitpid(pid, &ignored, 0)
            for fd in [outPipe[0], errPipe[0]] { close(fd) }
            return .failure(SpawnError("Failed to watch the process (pidfd_open): \(error)"))
        }
        _ = fcntl(pidFD, F_SETFD, FD_CLOEXEC)
        for fd in [outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        return .success(HookProcess(pid: pid, pidFD: pidFD, stdout: outPipe[0], stderr: errPipe[0]))
    }

    struct SpawnError: Error { let text: String; init(_ text: String) { self.text = text } }
}

/// A NULL-terminated `char *[]` of `strings` for the duration of `body`.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
