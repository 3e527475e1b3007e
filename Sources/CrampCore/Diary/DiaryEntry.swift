/// An intake or cramp entry: the things `crampd ctl undo` can take back.
public enum DiaryEntry: Sendable, Equatable, Hashable, Codable {
    case drink(Drink)
    case dose(Dose)
    case cramp(Cramp)

    public var time: Instant {
        switch self {
        case .drink(let d): d.time
        case .dose(let d): d.time
        case .cramp(let c): c.time
        }
    }

    /// One line for confirmations: "drink of 250 ml at 2026-11-25 14:03".
    public func describe(in zone: Zone) -> String {
        let at = DiaryTimeFormat.minute(time, in: zone)
        switch self {
        case .drink(let d):
            return "drink of \(d.milliliters) ml at \(at)"
        case .dose(let d):
            return "\(d.milligrams) mg of \(d.electrolyte.rawValue) at \(at)"
        case .cramp(let c):
            let muscle = c.muscle.map { " (\($0))" } ?? ""
            return "cramp\(muscle), severity \(c.severity), at \(at)\(c.atNight ? ", at night" : "")"
        }
    }
}
