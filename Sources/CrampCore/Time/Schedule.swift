/// When a reminder is due: exactly one of the four schedule kinds of the config.
public enum Schedule: Sendable, Equatable {
    /// `every = "45m"` with optional `between`, `days` and `anchor`.
    case every(EverySchedule)
    /// `at = ["08:30", "21:00"]` with optional `days`.
    case at(AtSchedule)
    /// `calendar = "<OnCalendar expression>"`.
    case calendar(CalendarExpression)
    /// `after = "<reminder id>"` with `delay` and optional `latest` (ChainSchedule.swift).
    case after(ChainSchedule)
}

/// What an `every` interval counts from.
public enum Anchor: String, Sendable, Equatable, Codable {
    /// From the start of each `between` window (or local midnight when there is none).
    case window
    /// From the last time the person confirmed the reminder (`crampd ctl done`).
    case lastDone = "last-done"
}

/// A daily window `start-end`; `end <= start` means it crosses midnight.
public struct DailyWindow: Sendable, Equatable, Hashable {
    public var start: TimeOfDay
    public var end: TimeOfDay
    public init(start: TimeOfDay, end: TimeOfDay) { self.start = start; self.end = end }
    public var crossesMidnight: Bool { end <= start }
}

public struct EverySchedule: Sendable, Equatable {
    public var interval: TimeSpan
    /// Empty means all day.
    public var windows: [DailyWindow]
    /// The days a window may start on; all seven when the config names none.
    public var days: Set<Weekday>
    public var anchor: Anchor
    public init(interval: TimeSpan, windows: [DailyWindow] = [], days: Set<Weekday> = Set(Weekday.allCases), anchor: Anchor = .window) {
        self.interval = interval; self.windows = windows; self.days = days; self.anchor = anchor
    }
}

public struct AtSchedule: Sendable, Equatable {
    public var times: [TimeOfDay]
    public var days: Set<Weekday>
    public init(times: [TimeOfDay], days: Set<Weekday> = Set(Weekday.allCases)) { self.times = times; self.days = days }
}
