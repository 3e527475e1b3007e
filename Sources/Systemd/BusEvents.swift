import Glibc

/// What a bus connection waits for on its file descriptor (`sd_bus_get_events`).
public struct BusEvents: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let readable = BusEvents(rawValue: 1)
    public static let writable = BusEvents(rawValue: 2)

    /// From poll(2) flags.
    init(pollEvents: Int32) {
        var events: BusEvents = []
        if pollEvents & Int32(POLLIN) != 0 { events.insert(.readable) }
        if pollEvents & Int32(POLLOUT) != 0 { events.insert(.writable) }
        self = events
    }
}
