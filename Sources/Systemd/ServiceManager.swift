import CSystemd
import Glibc

/// Talks to the service manager that started us: readiness, status, reload, watchdog.
///
/// Every call is a no-op (returning false) when the daemon was not started by systemd with
/// `Type=notify`, so the daemon calls these unconditionally and runs the same way in a terminal.
public enum ServiceManager {
    /// True when systemd asked for notifications (`NOTIFY_SOCKET` is set).
    public static var isUnderSystemd: Bool {
        guard let value = getenv("NOTIFY_SOCKET") else { return false }
        return value.pointee != 0
    }

    /// Sends a raw state string such as `"READY=1\nSTATUS=Waiting"`.
    ///
    /// Returns false when there is no `NOTIFY_SOCKET` to send to, true when it was sent.
    ///
    /// The corresponding C function is `sd_notify`.
    @discardableResult
    public static func notify(_ state: String) throws(SystemdError) -> Bool {
        let result = sd_notify(0, state)
        if result < 0 {
            throw SystemdError(action: "notify service manager", function: "sd_notify", returned: result)
        }
        return result > 0
    }

    /// Tells systemd start-up is complete (`READY=1`); also ends a reload.
    @discardableResult
    public static func ready(status: String? = nil) throws(SystemdError) -> Bool {
        try notify(withStatus("READY=1", status))
    }

    /// Tells systemd a reload has begun (`RELOADING=1` with `MONOTONIC_USEC=`); send `ready()` when it is done.
    ///
    /// systemd 253 and later match the timestamp against the reload they asked for.
    @discardableResult
    public static func reloading(monotonicMicroseconds: UInt64 = monotonicNowMicroseconds()) throws(SystemdError) -> Bool {
        try notify("RELOADING=1\nMONOTONIC_USEC=\(monotonicMicroseconds)")
    }

    /// Tells systemd the service is shutting down (`STOPPING=1`).
    @discardableResult
    public static func stopping(status: String? = nil) throws(SystemdError) -> Bool {
        try notify(withStatus("STOPPING=1", status))
    }

    /// Sets the one-line text `systemctl status` shows (`STATUS=`); newlines become spaces.
    @discardableResult
    public static func status(_ text: String) throws(SystemdError) -> Bool {
        try notify("STATUS=\(oneLine(text))")
    }

    /// Pets the watchdog (`WATCHDOG=1`); send it at half of `watchdogInterval()`.
    @discardableResult
    public static func watchdog() throws(SystemdError) -> Bool {
        try notify("WATCHDOG=1")
    }

    /// The watchdog interval systemd expects `watchdog()` within, in microseconds, or nil when
    /// no watchdog is enabled for this process (`WATCHDOG_USEC`/`WATCHDOG_PID`).
    ///
    /// The corresponding C function is `sd_watchdog_enabled`.
    public static func watchdogIntervalMicroseconds() throws(SystemdError) -> UInt64? {
        var microseconds: UInt64 = 0
        let result = sd_watchdog_enabled(0, &microseconds)
        if result < 0 {
            throw SystemdError(action: "read watchdog interval", function: "sd_watchdog_enabled", returned: result)
        }
        return result > 0 ? microseconds : nil
    }

    /// `CLOCK_MONOTONIC` now, in microseconds, the clock `MONOTONIC_USEC=` uses.
    ///
    /// The corresponding C function is `clock_gettime`.
    public static func monotonicNowMicroseconds() -> UInt64 {
        var now = timespec()
        // CLOCK_MONOTONIC cannot fail with a valid pointer.
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    private static func withStatus(_ state: String, _ status: String?) -> String {
        guard let status else { return state }
        return "\(state)\nSTATUS=\(oneLine(status))"
    }

    /// The notify protocol is one assignment per line, so a status must not contain newlines.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
