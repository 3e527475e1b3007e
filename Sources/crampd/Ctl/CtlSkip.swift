import ArgumentParser
import CrampProtocol

struct CtlSkip: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "skip",
        abstract: "Skip the next occurrence of a reminder.",
        discussion: """
            Examples:
              crampd ctl skip magnesium
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id.")
    var reminder: String

    func command() throws -> Command { try Self.command(reminder: reminder) }

    static func command(reminder: String) throws -> Command { .skip(reminder: try checkedReminderID(reminder)) }
}
