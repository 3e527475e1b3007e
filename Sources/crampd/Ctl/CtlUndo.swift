import ArgumentParser
import CrampProtocol

struct CtlUndo: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Remove the last drink, dose or cramp logged, and say which.",
        discussion: """
            Reminder events (due, done, snoozed, …) are history and stay.

            Examples:
              crampd ctl undo
            """)

    @OptionGroup var options: CtlOptions

    func command() -> Command { .undo }
}
