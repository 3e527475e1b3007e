/// `[daemon] quiet_hours`: daily windows in which nothing fires. What falls due
/// inside one waits for its end, where all of it fires once (never a burst).
struct QuietHours: Sendable {
    /// A window whose start equals its end would be quiet all day, every day, and
    /// defer forever; it is ignored rather than stalling every reminder.
    let windows: [DailyWindow]
    let zone: Zone

    init(_ windows: [DailyWindow], zone: Zone) {
        self.windows = windows.filter { $0.start != $0.end }
        self.zone = zone
    }

    var isEmpty: Bool { windows.isEmpty }

    /// `instant` itself when it is outside every window, else the end of the
    /// window it is in (of the last one, when windows touch or overlap).
    func deferral(of instant: Instant) -> Instant {
        guard !windows.isEmpty else { return instant }
        var result = instant
        // Each pass moves past at least one window; windows.count + 1 passes reach a fixed point.
        for _ in 0...windows.count {
            guard let end = endOfWindow(containing: result) else { return result }
            result = end
        }
        return result
    }

    /// Whether `instant` is inside quiet hours.
    func contains(_ instant: Instant) -> Bool { endOfWindow(containing: instant) != nil }

    /// The latest end among the windows containing `instant`; `nil` when none does.
    private func endOfWindow(containing instant: Instant) -> Instant? {
        let local = zone.localDateTime(at: instant)
        var latest: Instant?
        for window in windows {
            let endDate: CivilDate
            if window.crossesMidnight {
                if local.time >= window.start { endDate = local.date.adding(days: 1) }
                else if local.time < window.end { endDate = local.date }
                else { continue }
            } else {
                guard local.time >= window.start, local.time < window.end else { continue }
                endDate = local.date
            }
            guard let end = firstInstant(of: LocalDateTime(date: endDate, time: window.end), after: instant) else { continue }
            if latest.map({ end > $0 }) ?? true { latest = end }
        }
        return latest
    }

    /// The first instant after `instant` at which the wall clock shows `local`, or
    /// the instant the clock jumps over it (spring forward).
    private func firstInstant(of local: LocalDateTime, after instant: Instant) -> Instant? {
        switch zone.resolve(local) {
        case .unique(let at): return at > instant ? at : nil
        case .gap(let transition): return transition > instant ? transition : nil
        case .repeated(let earlier, let later):
            if earlier > instant { return earlier }
            return later > instant ? later : nil
        }
    }
}
