import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlSet: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change keys of a reminder; validated like the config, then saved.",
        discussion: """
            Keys: \(DropInEdit.editableKeys.joined(separator: ", ")). Values in config syntax \
            without quotes; lists comma-separated (at=10:30,16:00) or in TOML form \
            (at='["10:30", "16:00"]'). A value crampd refuses is named as you typed it. \
            The change is saved to \
            config.d/50-crampd-ctl.toml (undo it with `crampd ctl reset ID`), or with \
            --runtime lasts until the next restart.

            Examples:
              crampd ctl set water every=30m
              crampd ctl set water between=08:00-20:00 days=mon..fri
              crampd ctl set magnesium at=21:30 amount=300
              crampd ctl set water enabled=false --runtime
            """)

    @OptionGroup var options: CtlOptions
    @OptionGroup var edit: ReminderAssignments

    func command() throws -> Command {
        try Self.command(reminder: edit.reminder, assignments: edit.assignments, runtime: edit.runtime)
    }

    static func command(reminder: String, assignments: [String], runtime: Bool) throws -> Command {
        .set(reminder: reminder, assignments: try checkedAssignments(reminder: reminder, assignments), runtime: runtime)
    }
}
