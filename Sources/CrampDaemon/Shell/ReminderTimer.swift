import Dispatch
import Glibc
import CrampCore

/// The daemon's ONE reminder timer: a Dispatch timer on a wall-clock deadline.
///
/// Wall-clock (not monotonic) so that a suspend or a clock step is noticed:
/// the deadline is an absolute CLOCK_REALTIME time. Disarmed, it makes no
/// wake-ups at all.
final class ReminderTimer {
    private let source: DispatchSourceTimer

    /// `handler` runs on `queue`, the daemon's serial queue.
    init(queue: DispatchQueue, handler: @escaping () -> Void) {
        source = DispatchSource.makeTimerSource(flags: .strict, queue: queue)
        source.setEventHandler(handler: handler)
        source.schedule(wallDeadline: .distantFuture)
        source.activate()
    }

    /// Fire at `instant` (immediately if it is past); `nil` disarms.
    func arm(at instant: Instant?) {
        guard let instant else {
            source.schedule(wallDeadline: .distantFuture)
            return
        }
        let seconds = instant.microseconds.floorDivided(by: 1_000_000)
        let nanoseconds = (instant.microseconds - seconds * 1_000_000) * 1_000
        let deadline = DispatchWallTime(timespec: timespec(tv_sec: Int(seconds), tv_nsec: Int(nanoseconds)))
        source.schedule(wallDeadline: deadline, repeating: .never, leeway: .nanoseconds(0))
    }

    func cancel() { source.cancel() }
}
