import ArgumentParser
import CrampProtocol

struct CtlToday: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Show today (or an earlier day): water and electrolytes against the goals, what is still due, cramps.",
        discussion: """
            Progress bars on a terminal; the same lines without bars otherwise. With --date, \
            that day as it ended, in the daemon's zone.

            Examples:
              crampd ctl today
              crampd ctl today --date 2026-12-01
              crampd ctl today --json | jq .waterMilliliters
            """)

    @OptionGroup var options: CtlOptions

    @Option(help: ArgumentHelp("Show this local date instead, YYYY-MM-DD (today or earlier).", valueName: "date"))
    var date: String?

    func command() throws -> Command { try Self.command(date: date) }

    static func command(date: String?) throws -> Command {
        if let date, ArgumentText.date(date) == nil {
            throw ValidationError("expected a date like \"2026-12-01\", got \"\(date)\"")
        }
        return .today(date: date)
    }
}
