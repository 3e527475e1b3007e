import ArgumentParser
import CrampProtocol

struct CtlDone: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Confirm a reminder: you drank or took it now.",
        discussion: """
            A reminder with anchor = "last-done" counts its next interval from now.

            Examples:
              crampd ctl done water
              crampd ctl done magnesium
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id.", completion: CtlCompletion.reminderIDs)
    var reminder: String

    func command() throws -> Command { try Self.command(reminder: reminder) }

    static func command(reminder: String) throws -> Command { .done(reminder: try checkedReminderID(reminder)) }
}
