import ArgumentParser
import CrampProtocol

struct CtlSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change keys of a reminder; validated like the config, then saved.",
        discussion: """
            Keys: every, between, days, at, calendar, message, amount, enabled, anchor; \
            values in config syntax without quotes. The change is saved to \
            config.d/50-crampd-ctl.toml (undo it with `crampd ctl reset ID`), or with \
            --runtime lasts until the next restart.

            Examples:
              crampd ctl set water every=30m
              crampd ctl set water between=08:00-20:00 days=mon..fri
              crampd ctl set magnesium at=21:30 amount=300
              crampd ctl set water enabled=false --runtime
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id.")
    var reminder: String

    @Argument(help: ArgumentHelp("One or more KEY=VALUE.", valueName: "key=value"))
    var assignments: [String]

    @Flag(help: "Apply until the next restart only; the config files are not touched.")
    var runtime = false

    func validate() throws {
        try validateReminderID(reminder)
        guard !assignments.isEmpty else { throw ValidationError("expected at least one KEY=VALUE, got none") }
        try validateAssignments(assignments)
    }

    func run() throws {
        try CtlSession.perform(.set(reminder: reminder, assignments: assignments, runtime: runtime), options)
    }
}
