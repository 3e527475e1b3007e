import ArgumentParser
import CrampDaemon
import CrampProtocol
import Glibc

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
            DefaultConfigCommand.self,
            CalendarCommand.self,
            CtlCommand.self,
        ]
    )
}

extension Crampd {
    /// Usage errors exit 2, as most Unix tools do (argument-parser's default is
    /// sysexits' 64); everything else keeps the code its command chose.
    /// The everyday `crampd ctl` forms skip argument-parser: see CtlFastPath.
    static func main() {
        // Swift turns invalid UTF-8 in argv into U+FFFD; a value must not be stored mangled.
        if let bad = (1..<Int(CommandLine.argc)).first(where: { String(validatingCString: CommandLine.unsafeArgv[$0]!) == nil }) {
            standardError("crampd: expected UTF-8 text in argument \(bad), got invalid bytes; nothing was done")
            Glibc.exit(2)
        }
        if let invocation = CtlFastPath.parse(Array(CommandLine.arguments.dropFirst())) {
            Glibc.exit(CtlSession.perform(invocation.command, invocation.flags))
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            let text = fullMessage(for: error)
            if !text.isEmpty { standardError(text) }
            if CtlFastPath.wantsJSON(Array(CommandLine.arguments.dropFirst())) {
                CtlSession.write(WireCoding.line(ControlError(.usage, message(for: error))))
            }
            Glibc.exit(2)
        }
    }
}
