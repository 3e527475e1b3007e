import ArgumentParser
import CrampProtocol

struct CtlToday: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Show today: water and electrolytes against the goals, what is still due, cramps.",
        discussion: """
            Progress bars on a terminal; the same lines without bars otherwise.

            Examples:
              crampd ctl today
              crampd ctl today --json | jq .waterMilliliters
            """)

    @OptionGroup var options: CtlOptions

    func command() -> Command { .today }
}
