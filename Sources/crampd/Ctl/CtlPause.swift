import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlPause: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Pause all reminders, for a while, until a time, or until `crampd ctl resume`.",
        discussion: """
            The pause survives a restart of the daemon. TIME is in the local zone.

            Examples:
              crampd ctl pause 2h
              crampd ctl pause --until 18:00
              crampd ctl pause --until "2026-11-26 08:00"
              crampd ctl pause
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: ArgumentHelp("How long, e.g. 45m, 2h.", valueName: "duration"))
    var duration: String?

    @Option(help: ArgumentHelp("Until this time: 18:00 (the next one) or \"2026-11-26 08:00\".", valueName: "time"))
    var until: String?

    func validate() throws {
        if duration != nil && until != nil {
            throw ValidationError("expected a duration or --until, got both")
        }
        if let duration { _ = try parsedDuration(duration) }
        if let until { _ = try parsedTime(until) }
    }

    func run() throws {
        let length: PauseLength =
            if let duration { .duration(try parsedDuration(duration)) }
            else if let until { .until(try parsedTime(until)) }
            else { .indefinitely }
        try CtlSession.perform(.pause(length), options)
    }

    private func parsedTime(_ text: String) throws -> Instant {
        do { return try ArgumentText.time(text, now: CtlClock.now(), zone: CtlClock.zone()) }
        catch { throw ValidationError(error.message) }
    }
}
