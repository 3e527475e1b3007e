import ArgumentParser
import CrampProtocol

struct CtlList: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every reminder: NEXT, LEFT, LAST, REMINDER, SCHEDULE.",
        discussion: """
            LEFT is the time until NEXT; LAST is when the reminder last fired.

            Examples:
              crampd ctl list
              crampd ctl list --json | jq -r '.reminders[].id'
            """)

    @OptionGroup var options: CtlOptions

    func command() -> Command { .list }
}
