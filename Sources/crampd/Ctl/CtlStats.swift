import ArgumentParser
import CrampProtocol

struct CtlStats: CtlVerb {
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
    var days = defaultDays

    static let defaultDays = 7

    func command() throws -> Command { try Self.command(days: days) }

    static func command(days: Int) throws -> Command {
        guard Command.statsDays.contains(days) else {
            throw ValidationError("expected --days from 1 to \(Command.statsDays.upperBound), got \(days)")
        }
        return .stats(days: days)
    }
}
