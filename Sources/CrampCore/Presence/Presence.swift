/// Whether the person can see a popup now: the combination of every source's latest signal.
/// Pure; the daemon keeps one and replaces it on each signal.
public struct Presence: Sendable, Equatable {
    /// The sources whose condition holds now, with the time it started.
    public private(set) var active: [PresenceSignal.Source: Instant]

    public static let present = Presence(active: [:])

    public init(active: [PresenceSignal.Source: Instant]) { self.active = active }

    /// This presence after `signal`. A repeated "active" keeps the earlier start.
    public func updating(with signal: PresenceSignal) -> Presence {
        var copy = self
        if signal.active {
            if copy.active[signal.source] == nil { copy.active[signal.source] = signal.since }
        } else {
            copy.active[signal.source] = nil
        }
        return copy
    }

    /// The reason popups are held now, if any (the first in `HoldReason` order).
    public var holdReason: HoldReason? { active.keys.map(\.reason).min() }

    /// Every reason that holds now, in `HoldReason` order.
    public var holdReasons: [HoldReason] { Set(active.keys.map(\.reason)).sorted() }

    /// Since when the reported reason holds (the earliest of its sources), and one source of it.
    public var held: (reason: HoldReason, since: Instant, source: PresenceSignal.Source)? {
        guard let reason = holdReason else { return nil }
        let sources = active.filter { $0.key.reason == reason }
        guard let first = sources.min(by: { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }) else { return nil }
        return (reason, first.value, first.key)
    }
}
