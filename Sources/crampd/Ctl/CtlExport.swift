import ArgumentParser
import CrampProtocol

struct CtlExport: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print every diary record, for a spreadsheet or a doctor.",
        discussion: """
            CSV by default (or --csv): one row per record (drinks, doses, cramps, reminder events), \
            header first, on standard output. --json: one document (docs/protocol.md, "export"). \
            --since takes a local date.

            Examples:
              crampd ctl export > diary.csv
              crampd ctl export --json --since 2026-11-01
            """)

    @OptionGroup var options: CtlOptions

    @Flag(help: "Comma-separated values (RFC 4180); the default.")
    var csv = false

    @Option(help: ArgumentHelp("Only records from this local date on, YYYY-MM-DD.", valueName: "date"))
    var since: String?

    func command() throws -> Command { try Self.command(csv: csv, json: options.json, since: since) }

    static func command(csv: Bool, json: Bool, since: String?) throws -> Command {
        if csv && json { throw ValidationError("expected --csv or --json, got both") }
        if let since, ArgumentText.date(since) == nil {
            throw ValidationError("expected a date like \"2026-11-01\", got \"\(since)\"")
        }
        return .export(format: json ? .json : .csv, since: since)
    }
}
