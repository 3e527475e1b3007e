import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlExport: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print every diary record, for a spreadsheet or a doctor.",
        discussion: """
            CSV by default (or --csv): one row per record (drinks, doses, cramps, reminder events), \
            header first, on standard output. --json: one document (docs/protocol.md, "export"). \
            --since and --until take local dates, both included. Notes, muscles and reminder ids \
            that a spreadsheet would run as a formula (=, +, -, @) get a leading quote.

            Examples:
              crampd ctl export > diary.csv
              crampd ctl export --json --since 2026-11-01
              crampd ctl export --csv --kind cramp --since 2026-11-01 --until 2026-11-30
            """)

    @OptionGroup var options: CtlOptions

    @Flag(help: "Comma-separated values (RFC 4180); the default.")
    var csv = false

    @Option(help: ArgumentHelp("Only records from this local date on, YYYY-MM-DD.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only records up to this local date, included, YYYY-MM-DD.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only one kind of record: drink, dose, cramp or reminder.", valueName: "kind"))
    var kind: String?

    func command() throws -> Command { try Self.command(csv: csv, json: options.json, since: since, until: until, kind: kind) }

    static func command(csv: Bool, json: Bool, since: String?, until: String? = nil, kind: String? = nil) throws -> Command {
        if csv && json { throw ValidationError("expected --csv or --json, got both") }
        for date in [since, until].compactMap({ $0 }) where ArgumentText.date(date) == nil {
            throw ValidationError("expected a date like \"2026-11-01\", got \"\(date)\"")
        }
        var recordKind: DiaryRecords.Kind?
        if let kind {
            guard let k = DiaryRecords.Kind(rawValue: kind) else {
                throw ValidationError("expected --kind drink, dose, cramp or reminder, got \"\(kind)\"")
            }
            recordKind = k
        }
        return .export(format: json ? .json : .csv, since: since, until: until, kind: recordKind)
    }
}
