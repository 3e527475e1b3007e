import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlPause: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Pause all reminders, for a while, until a time, or until `crampd ctl resume`.",
        discussion: """
            The pause survives a restart of the daemon. TIME is read in the daemon's zone
            (the one crampd ctl status shows and every time is shown in).

            Examples:
              crampd ctl pause 2h
              crampd ctl pause --until 18:00
              crampd ctl pause --until "tomorrow 08:00"
              crampd ctl pause --until "mon 08:00"
              crampd ctl pause --until "2026-11-26 08:00"
              crampd ctl pause
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: ArgumentHelp("How long, e.g. 45m, 2h.", valueName: "duration"))
    var duration: String?

    @Option(help: ArgumentHelp("Until this time: 18:00 (the next one), \"tomorrow 08:00\", \"mon 08:00\" or \"2026-11-26 08:00\".", valueName: "time"))
    var until: String?

    func command() throws -> Command { try Self.command(duration: duration, until: until) }

    /// TIME is read in the daemon's zone, asked of it first: the zone it plans in and shows
    /// times in may differ from this client's (`[daemon] timezone`, another `TZ`).
    func run() throws {
        let zone = until == nil ? CtlClock.zone() : CtlClock.daemonZone(socket: options.flags.socket)
        let status = CtlSession.perform(try Self.command(duration: duration, until: until, zone: zone), options.flags)
        if status != 0 { throw ExitCode(status) }
    }

    static func command(duration: String?, until: String?, zone: Zone = CtlClock.zone()) throws -> Command {
        if duration != nil && until != nil {
            throw ValidationError("expected a duration or --until, got both")
        }
        let length: PauseLength =
            if let duration { .duration(try parsedDuration(duration)) }
            else if let until { .until(try parsedTime(until, zone: zone)) }
            else { .indefinitely }
        return .pause(length)
    }

    private static func parsedTime(_ text: String, zone: Zone) throws -> Instant {
        do { return try ArgumentText.time(text, now: CtlClock.now(), zone: zone) }
        catch { throw ValidationError(error.message) }
    }
}
