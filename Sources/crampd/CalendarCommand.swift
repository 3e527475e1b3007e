import ArgumentParser
import CrampCore
#if canImport(Glibc)
import Glibc
#endif

/// `crampd calendar`: like `systemd-analyze calendar`, for checking `calendar =` schedules.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Show the normalized form and the next elapses of a systemd calendar expression.",
        discussion: """
            Prints "Normalized form: …" to standard error and one elapse per line to standard output, \
            as RFC 3339 local time with offset. Times are in $TZ, or the system's zone.
            """
    )

    @Argument(help: "An OnCalendar= expression, e.g. \"Mon..Fri *-*-* 08:30\".")
    var expression: String

    @Option(help: "How many elapses to show.")
    var iterations: Int = 1

    @Option(name: .customLong("base-time"), help: "Start after this local time ('YYYY-MM-DD HH:MM:SS') or '@SECONDS' since the epoch, instead of now.")
    var baseTime: String?

    func validate() throws {
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1, got \(iterations)") }
        if let baseTime, Self.parseBaseTime(baseTime) == nil, Self.parseEpoch(baseTime) == nil {
            throw ValidationError("expected --base-time as 'YYYY-MM-DD HH:MM:SS' or '@SECONDS', got '\(baseTime)'")
        }
    }

    func run() throws {
        let zone: Zone
        do {
            zone = try Zone.system(environment: Self.environment())
        } catch {
            throw CalendarFailure("Failed to load the time zone: \(error.message)")
        }
        // One session for the whole run, like one systemd-analyze process: glibc's state
        // (mktime's offset guess, tzname) carries from the base time through the parse and
        // the elapses, in systemd-analyze's order.
        var session = CalendarSession(zone: zone)
        var t: Instant
        if let baseTime, let epoch = Self.parseEpoch(baseTime) {
            t = epoch
        } else if let baseTime, let local = Self.parseBaseTime(baseTime) {
            guard let i = session.instant(of: local) else {
                throw CalendarFailure("Failed to convert the base time '\(baseTime)' to an instant")
            }
            t = i
        } else {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            t = Instant(microseconds: Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000)
        }
        let parsed: CalendarExpression
        do {
            parsed = try CalendarExpression.parse(expression, in: session)
        } catch {
            throw CalendarFailure(error.message)
        }
        printError("Normalized form: \(parsed.normalized)")
        var lines: [String] = []
        elapses: for _ in 0..<iterations {
            switch session.nextElapse(of: parsed, after: t) {
            case .elapse(let next):
                lines.append(Self.rfc3339(next, in: zone))
                t = next
            case .never:
                break elapses
            case .failed(let reason):
                // Like systemd-analyze: no elapses at all when one cannot be computed.
                throw CalendarFailure("Failed to determine next elapse for '\(expression)': \(reason)")
            }
        }
        if lines.isEmpty { printError("Next elapse: never") }
        if !lines.isEmpty { print(lines.joined(separator: "\n")) }
    }

    /// `2026-03-30T02:30:00+02:00`, with `.ffffff` only when the microseconds are not zero.
    static func rfc3339(_ instant: Instant, in zone: Zone) -> String {
        let local = zone.localDateTime(at: instant)
        let offset = zone.offsetSeconds(at: instant)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let d = local.date, tm = local.time
        var s = "\(d.year)-\(two(d.month))-\(two(d.day))T\(two(tm.hour)):\(two(tm.minute)):\(two(tm.second))"
        if tm.microsecond != 0 {
            let micro = String(tm.microsecond)
            s += "." + String(repeating: "0", count: 6 - micro.count) + micro
        }
        let sign = offset < 0 ? "-" : "+"
        let a = abs(offset)
        s += "\(sign)\(two(a / 3600)):\(two(a % 3600 / 60))"
        if a % 60 != 0 { s += ":\(two(a % 60))" }
        return s
    }

    /// `@1792890600`: seconds since the epoch, unambiguous even inside a repeated hour.
    static func parseEpoch(_ text: String) -> Instant? {
        guard text.hasPrefix("@"), let s = Int64(text.dropFirst()), Instant.accepted.contains(Instant(seconds: s)) else { return nil }
        return Instant(seconds: s)
    }

    static func parseBaseTime(_ text: String) -> LocalDateTime? { LocalTimeText.localDateTime(text) }

    static func environment() -> [String: String] {
        guard let tz = getenv("TZ") else { return [:] }
        return ["TZ": String(cString: tz)]
    }

    func printError(_ s: String) {
        let line = Array((s + "\n").utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}

/// A user-facing failure: the message goes to stderr and the exit status is 1.
private struct CalendarFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
