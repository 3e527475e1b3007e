import Glibc

/// Runs real programs (journald, journalctl) for the tests, with a bound on how long they may take.
enum Subprocess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `argv` with stdin, stdout and stderr on /dev/null (or stdout on `stdoutFD`) and returns its PID.
    static func spawn(_ argv: [String], stdoutFD: Int32? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let stdoutFD {
            posix_spawn_file_actions_adddup2(&actions, stdoutFD, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArguments = argv.map { strdup($0) }
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let result = (cArguments + [nil]).withUnsafeBufferPointer { arguments in
            posix_spawnp(&pid, argv[0], &actions, nil, arguments.baseAddress!, environ)
        }
        guard result == 0 else {
            throw Failure(description: "Failed to start \(argv[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Runs `argv` to completion and returns its exit status and standard output;
    /// kills it when it runs longer than `timeoutSeconds`.
    static func run(_ argv: [String], timeoutSeconds: Double = 10) throws -> (status: Int32, output: String) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw Failure(description: "Failed to create pipe") }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        let pid: pid_t
        do {
            pid = try spawn(argv, stdoutFD: ends[1])
        } catch {
            close(ends[0]); close(ends[1])
            throw error
        }
        close(ends[1])
        defer { close(ends[0]) }
        var output = [UInt8]()
        let deadline = monotonicSeconds() + timeoutSeconds
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let remaining = deadline - monotonicSeconds()
            if remaining <= 0 {
                kill(pid, SIGKILL)
                _ = waitExit(pid)
                throw Failure(description: "\(argv.joined(separator: " ")) took longer than \(timeoutSeconds) s")
            }
            var poller = pollfd(fd: ends[0], events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(remaining * 1000) + 1) >= 0 || errno == EINTR else { break }
            let count = read(ends[0], &chunk, chunk.count)
            if count > 0 { output += chunk[0..<count] } else if count == 0 { break } else if errno != EINTR && errno != EAGAIN { break }
        }
        // Its output ended; a child that closed it and keeps running is not waited for past the deadline.
        guard let status = waitExit(pid, timeoutSeconds: max(0.1, deadline - monotonicSeconds())) else {
            kill(pid, SIGKILL)
            _ = waitExit(pid)
            throw Failure(description: "\(argv.joined(separator: " ")) took longer than \(timeoutSeconds) s")
        }
        return (status, String(decoding: output, as: UTF8.self))
    }

    /// Waits for `pid` and returns its exit code (128 + signal when killed).
    @discardableResult
    static func waitExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Waits up to `timeoutSeconds` for `pid` to exit; returns its exit code, or nil if it still runs.
    static func waitExit(_ pid: pid_t, timeoutSeconds: Double) -> Int32? {
        let deadline = monotonicSeconds() + timeoutSeconds
        var status: Int32 = 0
        repeat {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                return signal == 0 ? (status >> 8) & 0xff : 128 + signal
            }
            if result < 0 && errno != EINTR { return nil }
            usleep(10_000)
        } while monotonicSeconds() < deadline
        return nil
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
