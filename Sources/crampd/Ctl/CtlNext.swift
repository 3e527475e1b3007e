import ArgumentParser
import CrampProtocol

struct CtlNext: ParsableCommand {
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
    var count = 5

    func validate() throws {
        guard (1...Command.maxNextCount).contains(count) else {
            throw ValidationError("expected a count from 1 to \(Command.maxNextCount), got \(count)")
        }
    }

    func run() throws { try CtlSession.perform(.next(count: count), options) }
}
