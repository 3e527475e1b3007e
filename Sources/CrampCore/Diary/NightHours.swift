/// When a cramp counts as "at night": by default local wall-clock time from 22:00 up to 07:00.
///
/// Why a fixed window and not the config's quiet hours: quiet hours say when reminders
/// must not disturb (a meeting at 14:00 may be one), while nocturnal leg cramps are a
/// category of their own defined by sleep. 22:00–07:00 covers the usual night of sleep.
public struct NightHours: Sendable, Equatable {
    public var window: DailyWindow

    public init(window: DailyWindow) { self.window = window }

    public static let `default` = NightHours(window: DailyWindow(start: TimeOfDay(hour: 22, minute: 0), end: TimeOfDay(hour: 7, minute: 0)))

    /// Start inclusive, end exclusive; a window whose end is not after its start crosses midnight.
    public func contains(_ time: TimeOfDay) -> Bool {
        window.crossesMidnight
            ? time >= window.start || time < window.end
            : time >= window.start && time < window.end
    }
}
