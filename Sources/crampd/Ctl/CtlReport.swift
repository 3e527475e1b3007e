import ArgumentParser
import CrampProtocol

struct CtlReport: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report of the diary for a doctor: one HTML page to read or print.",
        discussion: """
            Water per day against the goal, each electrolyte against its target and cap, \
            reminders done, snoozed, skipped and missed, every cramp by day and time of day \
            (night cramps marked), and the notes. The page is self-contained (inline CSS and \
            SVG, nothing fetched) and prints on A4 or Letter. --until defaults to today; at most \
            366 days. --json prints the report's data instead (docs/protocol.md, "report").

            Examples:
              crampd ctl report --since 2026-11-01 --output report.html
              crampd ctl report --since 2026-10-01 --until 2026-10-31 > october.html
            """)

    @OptionGroup var options: CtlOptions

    @Option(help: ArgumentHelp("First local date of the report, YYYY-MM-DD.", valueName: "date"))
    var since: String

    @Option(help: ArgumentHelp("Last local date of the report, YYYY-MM-DD (default: today).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Write the report to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    func command() throws -> Command { try Self.command(since: since, until: until) }

    static func command(since: String, until: String?) throws -> Command {
        for date in [since] + (until.map { [$0] } ?? []) where ArgumentText.date(date) == nil {
            throw ValidationError("expected a date like \"2026-11-01\", got \"\(date)\"")
        }
        return .report(since: since, until: until)
    }

    func run() throws {
        var flags = options.flags
        flags.output = output
        let status = CtlSession.perform(try command(), flags)
        if status != 0 { throw ExitCode(status) }
    }
}
