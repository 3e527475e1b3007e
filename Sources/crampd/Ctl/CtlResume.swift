import ArgumentParser
import CrampProtocol

struct CtlResume: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "End a pause; nothing happens when not paused.",
        discussion: """
            Examples:
              crampd ctl resume
            """)

    @OptionGroup var options: CtlOptions

    func command() -> Command { .resume }
}
