import ArgumentParser
import CrampProtocol

struct CtlStatus: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the daemon: running since, config files, last reload, pause, next reminder.",
        discussion: """
            Examples:
              crampd ctl status
              crampd ctl status --json | jq .next
            """)

    @OptionGroup var options: CtlOptions

    func command() -> Command { .status }
}
