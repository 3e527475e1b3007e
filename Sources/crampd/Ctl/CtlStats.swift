import ArgumentParser
import CrampProtocol

struct CtlStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show the last days: water per day against the goal, electrolytes, reminders done, cramps.",
        discussion: """
            Bars of Unicode blocks on a terminal; plain numbers otherwise.

            Examples:
              crampd ctl stats
              crampd ctl stats --days 30
            """)

    @OptionGroup var options: CtlOptions

    @Option(help: "How many days, today included (1-\(Command.statsDays.upperBound)).")
    var days = 7

    func validate() throws {
        guard Command.statsDays.contains(days) else {
            throw ValidationError("expected --days from 1 to \(Command.statsDays.upperBound), got \(days)")
        }
    }

    func run() throws { try CtlSession.perform(.stats(days: days), options) }
}
