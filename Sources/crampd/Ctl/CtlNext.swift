import ArgumentParser
import CrampProtocol

struct CtlNext: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Show the next reminders of all schedules, merged in time order.",
        discussion: """
            Examples:
              crampd ctl next
              crampd ctl next -n 10
            """)

    @OptionGroup var options: CtlOptions

    @Option(name: [.customShort("n"), .long], help: "How many to show (1-\(Command.maxNextCount)).")
    var count = defaultCount

    static let defaultCount = 5

    func command() throws -> Command { try Self.command(count: count) }

    static func command(count: Int) throws -> Command {
        guard (1...Command.maxNextCount).contains(count) else {
            throw ValidationError("expected a count from 1 to \(Command.maxNextCount), got \(count)")
        }
        return .next(count: count)
    }
}
