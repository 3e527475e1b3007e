import ArgumentParser
import CrampDaemon

/// The `crampd` command: a table of contents. One subcommand per file.
@main
struct Crampd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crampd",
        abstract: "Keep hydration and electrolytes on schedule against muscle cramps.",
        discussion: """
            crampd is a per-user daemon that reminds you to drink and to take electrolytes, \
            writes every reminder to the systemd journal, and is adjusted at run time with `crampd ctl`.
            Educational, not medical advice: see a doctor when cramps are severe, persistent, \
            or come with weakness or numbness.
            """,
        version: CrampdBuild.version,
        subcommands: [
            // Each subcommand lives in its own file; add new ones here, one per line.
            RunCommand.self,
            CheckConfigCommand.self,
            CalendarCommand.self,
            CtlCommand.self,
        ]
    )
}
