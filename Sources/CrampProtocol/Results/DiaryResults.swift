import CrampCore

/// `crampd ctl export --csv|--json`.
public enum ExportFormat: String, Sendable, Equatable, Codable, CaseIterable {
    case csv, json
    /// The schedule as iCalendar (`ScheduleCalendar`), not the diary.
    case ics
}

extension Command {
    /// What `stats --days` accepts (`DiaryStats.allowedDays`); 7 when absent.
    public static let statsDays = DiaryStats.allowedDays
}

/// For `drink`, `take`, `cramp` and `undo`: sent after the COMMIT.
public struct DiaryChange: Sendable, Equatable, Codable {
    /// One sentence for people: "Logged a drink of 250 ml at 14:03. Today: 1250 of 2000 ml (62%)."
    public var summary: String
    /// The entry logged, or removed by `undo`: one of the three, none when `undo` found nothing.
    public var drink: Drink?
    public var dose: Dose?
    public var cramp: Cramp?
    /// Today after the change; absent for `undo`.
    public var today: TodaySummary?
    /// For `cramp`: the advice written to the journal now, if the cramps reached the threshold.
    public var insight: String?

    public init(summary: String, entry: DiaryEntry? = nil, today: TodaySummary? = nil, insight: String? = nil) {
        self.summary = summary; self.today = today; self.insight = insight
        switch entry {
        case .drink(let d)?: drink = d
        case .dose(let d)?: dose = d
        case .cramp(let c)?: cramp = c
        case nil: break
        }
    }

    public var entry: DiaryEntry? { drink.map(DiaryEntry.drink) ?? dose.map(DiaryEntry.dose) ?? cramp.map(DiaryEntry.cramp) }
}

/// For `export`: exactly one of the two, as asked.
public struct DiaryExportResult: Sendable, Equatable, Codable {
    /// `--csv`: the whole file, header first (`DiaryCSV`).
    public var csv: String?
    /// `--json`: the document (`DiaryExport`).
    public var document: DiaryExport?
    /// `--ics`: the reminders' schedule as an iCalendar file (CRLF line ends).
    public var ics: String?

    public init(csv: String? = nil, document: DiaryExport? = nil, ics: String? = nil) { self.csv = csv; self.document = document; self.ics = ics }
}

/// For `import`: what the request did.
public struct ImportResult: Sendable, Equatable, Codable {
    /// Records staged so far under this batch (after a commit: 0).
    public var staged: Int
    /// After a commit: records written, and records the diary already had (by id).
    public var added: Int
    public var alreadyPresent: Int
    public var committed: Bool

    public init(staged: Int, added: Int = 0, alreadyPresent: Int = 0, committed: Bool) {
        self.staged = staged; self.added = added; self.alreadyPresent = alreadyPresent; self.committed = committed
    }
}

extension ErrorCode {
    /// A diary command with a value out of range or unknown (an amount, a severity, an
    /// electrolyte, a time); nothing was written.
    public static let invalidArgument = ErrorCode("invalid-argument")
    /// The diary could not be opened at start; reminders keep running, diary commands fail.
    public static let diaryUnavailable = ErrorCode("diary-unavailable")
    /// Another program held the diary locked (a backup, the sqlite3 shell) past the wait;
    /// nothing was written: retry later.
    public static let diaryBusy = ErrorCode("diary-busy")
}
