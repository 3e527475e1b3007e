import ArgumentParser
import CrampProtocol

struct CtlShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything about one reminder.",
        discussion: """
            Examples:
              crampd ctl show water
              crampd ctl show magnesium --json
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id, as in `crampd ctl list`.")
    var reminder: String

    func validate() throws { try validateReminderID(reminder) }

    func run() throws { try CtlSession.perform(.show(reminder: reminder), options) }
}
