import ArgumentParser
import CrampProtocol

struct CtlAdd: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a reminder; validated like the config, then saved.",
        discussion: """
            Keys as in a [[reminder]] table of the config (kind, message, amount, every, \
            between, days, at, calendar, anchor, …). Saved to config.d/50-crampd-ctl.toml, \
            or with --runtime until the next restart.

            Examples:
              crampd ctl add stretch kind=stretch at=21:00 "message=Stretch your calves"
              crampd ctl add potassium kind=electrolyte electrolyte=potassium at=12:00 amount=200
            """)

    @OptionGroup var options: CtlOptions
    @OptionGroup var edit: ReminderAssignments

    func command() throws -> Command {
        try Self.command(reminder: edit.reminder, assignments: edit.assignments, runtime: edit.runtime)
    }

    static func command(reminder: String, assignments: [String], runtime: Bool) throws -> Command {
        .add(reminder: reminder, assignments: try checkedAssignments(reminder: reminder, assignments), runtime: runtime)
    }
}
