import ArgumentParser
import CrampProtocol

struct CtlTrigger: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "trigger",
        abstract: "Fire a reminder now, to try it; its schedule does not change.",
        discussion: """
            Examples:
              crampd ctl trigger water && journalctl -t crampd -n 1
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id.", completion: CtlCompletion.reminderIDs)
    var reminder: String

    func command() throws -> Command { try Self.command(reminder: reminder) }

    static func command(reminder: String) throws -> Command { .trigger(reminder: try checkedReminderID(reminder)) }
}
