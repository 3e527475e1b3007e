import Glibc
import Testing

/// Tests that change this process's environment (NOTIFY_SOCKET, WATCHDOG_USEC, LISTEN_FDS,
/// JOURNAL_STREAM) or its journald nest here and run one at a time.
@Suite(.serialized)
enum ProcessEnvironment {
    /// Sets (or with nil, unsets) environment variables for the duration of `body`, then restores them.
    @discardableResult
    static func with<T>(_ variables: [String: String?], _ body: () throws -> T) rethrows -> T {
        let saved = variables.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
        for (name, value) in variables {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        return try body()
    }
}
