/// One element of a calendar field list: a value, a range `start..stop`, a repetition
/// `start/repeat` or `start..stop/repeat` (systemd.time(7)).
///
/// Seconds are kept in microseconds so `*:*:0/0.5` is exact, like systemd's `usec_t`.
public struct CalendarComponent: Sendable, Equatable, Hashable, Comparable {
    public var start: Int
    /// -1: no upper bound.
    public var stop: Int
    /// 0: no repetition.
    public var repeatStep: Int

    public init(start: Int, stop: Int = -1, repeatStep: Int = 0) {
        self.start = start; self.stop = stop; self.repeatStep = repeatStep
    }

    public static func < (a: CalendarComponent, b: CalendarComponent) -> Bool {
        (a.start, a.stop, a.repeatStep) < (b.start, b.stop, b.repeatStep)
    }

    /// The smallest value >= `value` this component allows, if any, given the actual
    /// `start` and `stop` (which differ from the stored ones for `~` days).
    func next(atLeast value: Int, start: Int, stop: Int) -> Int? {
        if start >= value { return start }
        guard repeatStep > 0 else { return nil }
        let k = start + repeatStep * ((value - start + repeatStep - 1) / repeatStep)
        return (stop < 0 || k <= stop) ? k : nil
    }
}

/// A field list, e.g. `01..05/2,09`; `nil` in `CalendarExpression` is `*`.
public typealias CalendarChain = [CalendarComponent]

extension Array where Element == CalendarComponent {
    /// systemd's normalization: trim each range to its last reachable value, drop
    /// repetitions that never trigger, sort, remove duplicates.
    func normalizedChain() -> [CalendarComponent] {
        var result = self.map { c -> CalendarComponent in
            var c = c
            if c.stop > c.start && c.repeatStep > 0 { c.stop -= (c.stop - c.start) % c.repeatStep }
            if (c.stop > c.start && c.start + c.repeatStep > c.stop) || c.start == c.stop {
                c.repeatStep = 0; c.stop = -1
            }
            return c
        }
        result.sort()
        var unique: [CalendarComponent] = []
        for c in result where unique.last != c { unique.append(c) }
        return unique
    }
}
