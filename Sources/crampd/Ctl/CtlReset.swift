import ArgumentParser
import CrampProtocol

struct CtlReset: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Undo every `crampd ctl set/add/remove` change to a reminder.",
        discussion: """
            The reminder goes back to what the config files say.

            Examples:
              crampd ctl reset water
              crampd ctl reset water --runtime
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id.", completion: CtlCompletion.reminderIDs)
    var reminder: String

    @Flag(help: "Drop only the changes made with --runtime.")
    var runtime = false

    func command() throws -> Command { try Self.command(reminder: reminder, runtime: runtime) }

    static func command(reminder: String, runtime: Bool) throws -> Command {
        .reset(reminder: try checkedReminderID(reminder), runtime: runtime)
    }
}
