import ArgumentParser
import CrampProtocol

struct CtlRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a reminder.",
        discussion: """
            Saved to config.d/50-crampd-ctl.toml (undo it with `crampd ctl reset ID`), or with \
            --runtime until the next restart.

            Examples:
              crampd ctl remove stretch
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id.")
    var reminder: String

    @Flag(help: "Remove until the next restart only; the config files are not touched.")
    var runtime = false

    func validate() throws { try validateReminderID(reminder) }

    func run() throws { try CtlSession.perform(.remove(reminder: reminder, runtime: runtime), options) }
}
