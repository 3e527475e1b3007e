import ArgumentParser
import CrampProtocol

struct CtlReload: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Re-read the config files; on any error keep the running config.",
        discussion: """
            Every error is printed with its file, line and column. Same as \
            `systemctl --user reload crampd`, but it waits for the result.

            Examples:
              crampd ctl reload
            """)

    @OptionGroup var options: CtlOptions

    func command() -> Command { .reload }
}
