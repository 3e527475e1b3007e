import ArgumentParser
import CrampProtocol

struct CtlAdd: ParsableCommand {
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

    @Argument(help: "The new reminder's id.")
    var reminder: String

    @Argument(help: ArgumentHelp("One or more KEY=VALUE.", valueName: "key=value"))
    var assignments: [String]

    @Flag(help: "Add until the next restart only; the config files are not touched.")
    var runtime = false

    func validate() throws {
        try validateReminderID(reminder)
        guard !assignments.isEmpty else { throw ValidationError("expected at least one KEY=VALUE, got none") }
        try validateAssignments(assignments)
    }

    func run() throws {
        try CtlSession.perform(.add(reminder: reminder, assignments: assignments, runtime: runtime), options)
    }
}
