import CrampCore
import Glibc

/// The CLI's clock and display zone: the one place that reads them.
enum CtlClock {
    static func now() -> Instant {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Instant(microseconds: Int64(t.tv_sec) * 1_000_000 + Int64(t.tv_nsec) / 1000)
    }

    /// Times are shown in the system zone, honoring `$TZ` as glibc does; UTC when neither
    /// names a zone that can be read (as glibc falls back too).
    static func zone() -> Zone {
        var environment: [String: String] = [:]
        if let tz = getenv("TZ") { environment["TZ"] = String(cString: tz) }
        return (try? Zone.system(environment: environment)) ?? .utc
    }
}
