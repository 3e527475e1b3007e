import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlSnooze: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Postpone a reminder.",
        discussion: """
            Without DURATION, the [daemon] snooze setting applies (10m by default).

            Examples:
              crampd ctl snooze water
              crampd ctl snooze water 15m
              crampd ctl snooze magnesium 1h30m
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id.", completion: CtlCompletion.reminderIDs)
    var reminder: String

    @Argument(help: ArgumentHelp("How long, e.g. 15m, 90s, 1h30m.", valueName: "duration"))
    var duration: String?

    func command() throws -> Command { try Self.command(reminder: reminder, duration: duration) }

    static func command(reminder: String, duration: String?) throws -> Command {
        .snooze(reminder: try checkedReminderID(reminder), duration: try duration.map(parsedDuration))
    }
}

/// A duration argument, or a usage error in the parser's words.
func parsedDuration(_ text: String) throws -> TimeSpan {
    do { return try ArgumentText.duration(text) } catch { throw ValidationError(error.message) }
}
