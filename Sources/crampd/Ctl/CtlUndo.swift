import ArgumentParser
import CrampProtocol

struct CtlUndo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Remove the last drink, dose or cramp logged, and say which.",
        discussion: """
            Reminder events (due, done, snoozed, …) are history and stay.

            Examples:
              crampd ctl undo
            """)

    @OptionGroup var options: CtlOptions

    func run() throws { try CtlSession.perform(.undo, options) }
}
