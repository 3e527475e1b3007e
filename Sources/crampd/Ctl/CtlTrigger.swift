import ArgumentParser
import CrampProtocol

struct CtlTrigger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger",
        abstract: "Fire a reminder now, to try it; its schedule does not change.",
        discussion: """
            Examples:
              crampd ctl trigger water && journalctl -t crampd -n 1
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id.")
    var reminder: String

    func validate() throws { try validateReminderID(reminder) }

    func run() throws { try CtlSession.perform(.trigger(reminder: reminder), options) }
}
