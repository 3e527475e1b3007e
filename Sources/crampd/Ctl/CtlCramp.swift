import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlCramp: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "cramp",
        abstract: "Log a muscle cramp in the diary.",
        discussion: """
            --at is the most recent such time: a night cramp logged in the morning lands on \
            the right night. Frequent cramps (3 in 7 days) or a severe one (8 or more) bring a \
            notice in the journal, at most once a week: they deserve a doctor's visit.

            Examples:
              crampd ctl cramp
              crampd ctl cramp --muscle calf --severity 6 --at 03:10
              crampd ctl cramp --muscle foot --note "after a long walk"
            """)

    @OptionGroup var options: CtlOptions

    @Option(help: "Which muscle, e.g. calf, foot, hamstring.")
    var muscle: String?

    @Option(help: "How bad, from 1 (barely) to 10 (worst imaginable); default \(Cramp.defaultSeverity).")
    var severity: Int?

    @Option(help: ArgumentHelp("When it happened, HH:MM (default: now).", valueName: "time"))
    var at: String?

    @Option(help: "A few words to keep with the cramp.")
    var note: String?

    func command() throws -> Command { try Self.command(muscle: muscle, severity: severity, at: at, note: note) }

    static func command(muscle: String?, severity: Int?, at: String?, note: String?) throws -> Command {
        if let severity, !Cramp.severityRange.contains(severity) {
            throw ValidationError("expected a severity from 1 to 10, got \(severity)")
        }
        if let at, TimeSyntax.parseTime(at) == nil {
            throw ValidationError("expected a time like \"03:10\", got \"\(at)\"")
        }
        return .cramp(muscle: muscle, severity: severity, at: at, note: note)
    }
}
