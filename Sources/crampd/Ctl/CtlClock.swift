import CrampCore
import CrampDaemon
import CrampProtocol
import Glibc

/// The CLI's clock and display zone: the one place that reads them.
enum CtlClock {
    static func now() -> Instant {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Instant(microseconds: Int64(t.tv_sec) * 1_000_000 + Int64(t.tv_nsec) / 1000)
    }

    /// Times are shown in the system zone, honoring `$TZ` as glibc does; UTC when neither
    /// names a zone that can be read (as glibc falls back too).
    static func zone() -> Zone {
        var environment: [String: String] = [:]
        if let tz = getenv("TZ") { environment["TZ"] = String(cString: tz) }
        return (try? Zone.system(environment: environment)) ?? .utc
    }

    /// The zone to show `result` in: the daemon's, the one it plans in, when the answer names
    /// it (loaded from this machine's tzdata as `$TZ` would be); else, from a daemon that does
    /// not say or a zone not found here ("localtime" is the same file), this client's.
    static func zone(for result: ControlResult) -> Zone {
        let name: String?
        switch result {
        case .status(let s): name = s.zone
        case .reminders(let l): name = l.zone
        case .upcoming(let u): name = u.zone
        case .reminder(let d): name = d.zone
        default: name = nil
        }
        return zone(named: name)
    }

    /// The daemon's zone, asked of it with a status request; this client's when it does not answer.
    static func daemonZone(socket: String?) -> Zone {
        guard let path = socket ?? (try? ControlSocket.clientPath(environment: ProcessEnvironment.current)),
              let answer = try? ControlClient(path: path).send(Request(id: 1, command: .status)),
              case .ok(let result) = answer.response else { return zone() }
        return zone(for: result)
    }

    private static func zone(named name: String?) -> Zone {
        guard let name, name != "localtime", let zone = try? Zone.system(environment: ["TZ": name]) else { return zone() }
        return zone
    }
}
