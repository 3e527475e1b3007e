import ArgumentParser
import CrampProtocol

struct CtlExport: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print every diary record, for a spreadsheet or a doctor.",
        discussion: """
            --csv: one row per record (drinks, doses, cramps, reminder events), header first. \
            --json: one document (docs/protocol.md, "export"). --since takes a local date.

            Examples:
              crampd ctl export --csv > diary.csv
              crampd ctl export --json --since 2026-11-01
            """)

    @OptionGroup var options: CtlOptions

    @Flag(help: "Comma-separated values (RFC 4180).")
    var csv = false

    @Option(help: ArgumentHelp("Only records from this local date on, YYYY-MM-DD.", valueName: "date"))
    var since: String?

    func command() throws -> Command { try Self.command(csv: csv, json: options.json, since: since) }

    static func command(csv: Bool, json: Bool, since: String?) throws -> Command {
        guard csv != json else { throw ValidationError("expected one of --csv or --json") }
        if let since, ArgumentText.date(since) == nil {
            throw ValidationError("expected a date like \"2026-11-01\", got \"\(since)\"")
        }
        return .export(format: csv ? .csv : .json, since: since)
    }
}
