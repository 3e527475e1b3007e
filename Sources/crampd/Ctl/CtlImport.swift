import ArgumentParser
import CrampCore
import CrampProtocol
import POSIX

struct CtlImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring back a diary export (CSV or JSON) into the diary.",
        discussion: """
            Reads what crampd ctl export writes, CSV or --json (told apart by the content), \
            and adds every drink, dose, cramp and reminder event the diary does not have yet: \
            each record has a stable id, so importing a file twice adds nothing. All or nothing: \
            the first line that cannot be read, has a value out of range (the limits of \
            drink, take and cramp) or lies in the future is named as FILE:LINE:COLUMN and \
            nothing is imported. ctl reads the file and sends its records to the daemon.

            Examples:
              crampd ctl export > diary.csv; crampd ctl import diary.csv
              crampd ctl export --json > backup.json; crampd ctl import backup.json
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: ArgumentHelp("The export to read (CSV or JSON, at most 64 MiB).", valueName: "file"), completion: .file())
    var file: String

    func run() throws {
        let records: [LocatedImportRecord]
        switch Self.read(file, now: CtlClock.now()) {
        case .success(let r): records = r
        case .failure(let refusal): throw ExitCode(CtlSession.fail(ControlError(.invalidArgument, refusal.message), options.flags, status: 1))
        }
        let batches = Self.batches(records.map(\.record))
        let token = String(UInt64.random(in: 1...UInt64.max), radix: 16)
        let commands = batches.enumerated().map { i, batch in Command.importRecords(batch: token, records: batch, commit: i == batches.count - 1) }
        // The commit checks and writes every record in one transaction: allow 1 ms per record more.
        let status = CtlSession.perform(commands[commands.count - 1], options.flags, preceding: Array(commands.dropLast()),
                                        answerWithinMilliseconds: 5000 + records.count)
        if status != 0 { throw ExitCode(status) }
    }

    struct ImportRefusal: Error { var message: String }

    /// The records of `path`, each checked as the daemon will check it; the first problem located.
    static func read(_ path: String, now: Instant) -> Result<[LocatedImportRecord], ImportRefusal> {
        let bytes: [UInt8]
        switch RegularFile.read(path, cap: .diaryImport) {
        case .success(let read?): bytes = read
        case .success(nil): return .failure(ImportRefusal(message: "Failed to read \(path): no such file; nothing was imported"))
        case .failure(let error): return .failure(ImportRefusal(message: error.description + "; nothing was imported"))
        }
        do throws(ImportFileError) {
            let records = try ImportFile.records(bytes)
            try records.validated(now: now)
            return .success(records)
        } catch {
            return .failure(ImportRefusal(message: error.rendered(path: path)))
        }
    }

    /// The records in requests of at most `Command.maxImportBatch` records and well under
    /// `ControlProtocol.maxLineBytes`; at least one (the commit), empty for an empty file.
    static func batches(_ records: [DiaryImportRecord]) -> [[DiaryImportRecord]] {
        let budget = ControlProtocol.maxLineBytes - 1024  // the envelope: command, id, token, flags
        var batches: [[DiaryImportRecord]] = [[]]
        var bytes = 0
        for record in records {
            let size = WireCoding.line(record).count
            if batches[batches.count - 1].count == Command.maxImportBatch || bytes + size > budget {
                batches.append([]); bytes = 0
            }
            batches[batches.count - 1].append(record); bytes += size
        }
        return batches
    }
}
