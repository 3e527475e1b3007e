import ArgumentParser
import CrampProtocol

struct CtlSkip: ParsableCommand {
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

    func validate() throws { try validateReminderID(reminder) }

    func run() throws { try CtlSession.perform(.skip(reminder: reminder), options) }
}
