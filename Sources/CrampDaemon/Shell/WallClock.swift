import Glibc
import CrampCore

/// The only place the daemon reads clocks.
public enum WallClock {
    /// Now, from CLOCK_REALTIME.
    public static func now() -> Instant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Instant(microseconds: Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1_000)
    }

}
