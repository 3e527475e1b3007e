import CSystemd
import Glibc

/// Sockets passed in by socket activation (`crampd.socket`).
public enum ListenFDs {
    /// The first passed file descriptor; the others follow it in order.
    public static let start: Int32 = Int32(SD_LISTEN_FDS_START)

    /// Takes the file descriptors systemd passed to this process, in `ListenStream=` order;
    /// empty when the process was not socket-activated.
    ///
    /// Unsets `LISTEN_PID`, `LISTEN_FDS` and `LISTEN_FDNAMES` so child processes do not inherit
    /// them, and marks the descriptors close-on-exec. Call it once, early.
    ///
    /// The corresponding C function is `sd_listen_fds`.
    public static func take() throws(SystemdError) -> [Int32] {
        let count = sd_listen_fds(1)
        if count < 0 {
            throw SystemdError(action: "take listening sockets", function: "sd_listen_fds", returned: count)
        }
        return (0..<count).map { start + $0 }
    }

    /// True when `fd` is a listening Unix stream socket, bound to `path` when one is given.
    ///
    /// The daemon checks the socket it got from systemd before serving it, so a unit file
    /// mistake shows as an error instead of a hang.
    ///
    /// The corresponding C function is `sd_is_socket_unix`.
    public static func isUnixStreamSocket(_ fd: Int32, path: String? = nil) throws(SystemdError) -> Bool {
        let result: Int32
        if let path {
            result = sd_is_socket_unix(fd, Int32(SOCK_STREAM.rawValue), 1, path, 0)
        } else {
            result = sd_is_socket_unix(fd, Int32(SOCK_STREAM.rawValue), 1, nil, 0)
        }
        if result < 0 {
            throw SystemdError(action: "check listening socket", function: "sd_is_socket_unix", returned: result)
        }
        return result > 0
    }
}
