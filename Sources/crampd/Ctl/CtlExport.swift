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
            Each record carries a stable id; crampd ctl import reads either back. \
            --since and --until take local dates, both included. Notes, muscles and reminder ids \
            that a spreadsheet would run as a formula (=, +, -, @) get a leading quote.

            Examples:
              crampd ctl export > diary.csv
              crampd ctl export --json --since 2026-11-01
              crampd ctl export --csv --kind cramp --since 2026-11-01 --until 2026-11-30
              crampd ctl export --ics --days 60 > crampd.ics

            --ics writes the reminders' schedule instead, as iCalendar (RFC 5545) for a \
            calendar program: a repeating event (RRULE) where a daily rule gives exactly what \
            crampd will fire, else each occurrence over the next --days (default 30, at most \
            366). Quiet hours, caps and the smart rules do not change the calendar; each \
            event's description says so.
            """)

    @OptionGroup var options: CtlOptions

    @Flag(help: "Comma-separated values (RFC 4180); the default.")
    var csv = false

    @Flag(help: "The reminders' schedule as iCalendar (RFC 5545), not the diary.")
    var ics = false

    @Option(help: ArgumentHelp("With --ics: how many days ahead to list occurrences a rule cannot describe (1-366, default 30).", valueName: "n"))
    var days: Int?

    @Option(help: ArgumentHelp("Only records from this local date on, YYYY-MM-DD.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only records up to this local date, included, YYYY-MM-DD.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only one kind of record: drink, dose, cramp or reminder.", valueName: "kind"))
    var kind: String?

    func command() throws -> Command {
        try Self.command(csv: csv, json: options.json, since: since, until: until, kind: kind, ics: ics, days: days)
    }

    static func command(csv: Bool, json: Bool, since: String?, until: String? = nil, kind: String? = nil,
                        ics: Bool = false, days: Int? = nil) throws -> Command {
        if csv && json { throw ValidationError("expected --csv or --json, got both") }
        if ics {
            if csv || json { throw ValidationError("expected one of --csv, --json or --ics, got \(csv ? "--csv" : "--json") and --ics") }
            if since != nil || until != nil || kind != nil { throw ValidationError("expected --since, --until and --kind without --ics: they choose diary records") }
            if let days, !ScheduleCalendar.allowedDays.contains(days) {
                throw ValidationError("expected --days from 1 to \(ScheduleCalendar.allowedDays.upperBound), got \(days)")
            }
            return .export(format: .ics, since: nil, days: days)
        }
        if days != nil { throw ValidationError("expected --days only with --ics") }
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
