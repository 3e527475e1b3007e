import ArgumentParser
import CrampProtocol

struct CtlShow: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything about one reminder.",
        discussion: """
            Examples:
              crampd ctl show water
              crampd ctl show magnesium --json
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id, as in `crampd ctl list`.", completion: CtlCompletion.reminderIDs)
    var reminder: String

    func command() throws -> Command { try Self.command(reminder: reminder) }

    static func command(reminder: String) throws -> Command { .show(reminder: try checkedReminderID(reminder)) }
}
