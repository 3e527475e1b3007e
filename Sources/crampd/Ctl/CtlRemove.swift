import ArgumentParser
import CrampProtocol

struct CtlRemove: CtlVerb {
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

    @Argument(help: "The reminder id.", completion: CtlCompletion.reminderIDs)
    var reminder: String

    @Flag(help: "Remove until the next restart only; the config files are not touched.")
    var runtime = false

    func command() throws -> Command { try Self.command(reminder: reminder, runtime: runtime) }

    static func command(reminder: String, runtime: Bool) throws -> Command {
        .remove(reminder: try checkedReminderID(reminder), runtime: runtime)
    }
}
