import CrampCore
import CrampProtocol

/// The records of one `crampd ctl import` on their way in: held in memory until the request
/// that commits them, at most `Command.maxImportRecords`.
struct ImportStaging {
    var batch: String
    var records: [DiaryImportRecord]
}

/// `crampd ctl import`: the client sends the file's records in bounded requests under one batch
/// token; the last one commits them all in one diary transaction.
extension Daemon {
    func importRecords(batch: String, records: [DiaryImportRecord], commit: Bool, then reply: @escaping DiaryReply) {
        // A new token means the previous import was abandoned (its client went away): drop it.
        var staging = importStaging?.batch == batch ? importStaging! : ImportStaging(batch: batch, records: [])
        importStaging = nil
        guard staging.records.count + records.count <= Command.maxImportRecords else {
            return reply(.failure(ControlError(.invalidArgument,
                "expected at most \(Command.maxImportRecords) records in one import, got more; nothing was imported: split the file by date (crampd ctl export --since/--until) and import each part")))
        }
        staging.records += records
        guard commit else {
            importStaging = staging
            return reply(.success(.imported(ImportResult(staged: staging.records.count, committed: false))))
        }
        let all = staging.records
        withDiary(refreshingIntake: true, { (store: DiaryStore, now: Instant) throws(DiaryCommandError) -> ControlResult in
            let outcome = try store.importRecords(all, now: now)
            return .imported(ImportResult(staged: 0, added: outcome.added, alreadyPresent: outcome.alreadyPresent, committed: true))
        }, then: reply)
    }
}
