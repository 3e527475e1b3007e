import ArgumentParser
import CrampProtocol

struct CtlResume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "End a pause; nothing happens when not paused.",
        discussion: """
            Examples:
              crampd ctl resume
            """)

    @OptionGroup var options: CtlOptions

    func run() throws { try CtlSession.perform(.resume, options) }
}
