/// Requested skips (`crampd ctl skip`): a count of the next scheduled occurrences, or
/// every one due before an instant. A snooze's end is never skipped by these.
extension ReminderState {
    /// Whether a requested skip drops the scheduled occurrence due at `due`.
    public func skipsRequested(_ due: Instant) -> Bool {
        skipNext || skipUntil.map { due < $0 } ?? false
    }

    /// One occurrence was dropped by a requested skip: the count goes down by one
    /// (an `until` ends by itself once its instant is handled).
    mutating func usingSkip() {
        guard skipNext else { return }
        if let more = skipAfterNext, more > 0 {
            skipAfterNext = more > 1 ? more - 1 : nil
        } else {
            skipNext = false
        }
    }

    /// No requested skip is pending any more.
    mutating func cancellingSkips() {
        skipNext = false; skipAfterNext = nil; skipUntil = nil
    }

    /// An `until` no occurrence after `handledThrough` can fall before is spent.
    mutating func droppingSpentSkipUntil() {
        if let until = skipUntil, until <= handledThrough { skipUntil = nil }
    }
}
