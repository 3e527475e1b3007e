import CrampCore
import Glibc

/// The CLI's clock and display zone: the one place that reads them.
enum CtlClock {
    static func now() -> Instant {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Instant(microseconds: Int64(t.tv_sec) * 1_000_000 + Int64(t.tv_nsec) / 1000)
    }

    /// Times are shown in this zone. UTC until `Zone.system(environment:)` lands from
    /// branch `time`; then return that (the system zone, honoring $TZ).
    static func zone() -> Zone { .utc }
}
