import CrampCore
import SQLite

/// `crampd ctl import`: records from an export, written in one transaction.
extension DiaryStore {
    /// What an import wrote.
    public struct ImportOutcome: Sendable, Equatable {
        public var added: Int
        public var alreadyPresent: Int
    }

    /// Validates every record against `now` (the checks of `ctl drink/take/cramp`, nothing from
    /// the future), then writes them in one transaction: all or nothing. Records with one id
    /// (`DiaryRecordID`: the same content in the same second) are the same record, and the
    /// diary ends up with as many copies of it as the larger of the diary and the import has,
    /// so importing a file twice adds nothing and two real drinks in one second both come back.
    public func importRecords(_ records: [DiaryImportRecord], now: Instant) throws(DiaryCommandError) -> ImportOutcome {
        var valid: [(id: String, content: DiaryImportRecord.Content)] = []
        valid.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            do {
                let content = try record.validated(now: now)
                valid.append((DiaryRecordID.of(content), content))
            } catch {
                throw .invalidImport(index: index, error)
            }
        }
        var groups: [String: [DiaryImportRecord.Content]] = [:]
        var order: [String] = []
        for (id, content) in valid {
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(content)
        }
        do {
            return try write("import into diary \(path)") { () throws(SQLiteError) -> ImportOutcome in
                var outcome = ImportOutcome(added: 0, alreadyPresent: 0)
                for id in order {
                    let copies = groups[id] ?? []
                    let present = try count(like: copies[0])
                    for content in copies.dropFirst(present) { try insertImported(content) }
                    outcome.added += max(0, copies.count - present)
                    outcome.alreadyPresent += min(present, copies.count)
                }
                return outcome
            }
        } catch {
            throw .store(error)
        }
    }

    /// How many records of the diary have the id of `content`: its fields, its times in the same second.
    private func count(like content: DiaryImportRecord.Content) throws(SQLiteError) -> Int {
        let second = DiaryRecordID.wholeSeconds(content.time) * 1_000_000
        let window: [SQLiteValue] = [.integer(second), .integer(second + 1_000_000)]
        switch content {
        case .drink(let d): return try countEntries(DiaryEntryRow(.drink(d)), window)
        case .dose(let d): return try countEntries(DiaryEntryRow(.dose(d)), window)
        case .cramp(let c): return try countEntries(DiaryEntryRow(.cramp(c)), window)
        case .reminderEvent(let e):
            let planned = e.planned.map { DiaryRecordID.wholeSeconds($0) * 1_000_000 }
            return try database.query(
                """
                SELECT count(*) FROM reminder_event WHERE reminder = ? AND event = ? AND actual_usec >= ? AND actual_usec < ?
                AND ((? IS NULL AND planned_usec IS NULL) OR (planned_usec >= ? AND planned_usec < ?))
                """,
                [.text(e.reminderID), .text(e.event.rawValue)] + window
                    + [SQLiteValue(planned), SQLiteValue(planned), SQLiteValue(planned.map { $0 + 1_000_000 })]) {
                (s: Statement) throws(SQLiteError) in s.int(at: 0)
            }.first ?? 0
        }
    }

    /// Entries like `row` (kind, amount, electrolyte, muscle, severity, at_night, note) with a time in `window`.
    private func countEntries(_ row: DiaryEntryRow, _ window: [SQLiteValue]) throws(SQLiteError) -> Int {
        let p = row.parameters
        return try database.query(
            """
            SELECT count(*) FROM entry WHERE kind = ? AND time_usec >= ? AND time_usec < ? AND amount IS ? AND electrolyte IS ?
            AND muscle IS ? AND severity IS ? AND at_night IS ? AND note IS ?
            """,
            [p[0]] + window + Array(p[2...])) { (s: Statement) throws(SQLiteError) in s.int(at: 0) }.first ?? 0
    }

    private func insertImported(_ content: DiaryImportRecord.Content) throws(SQLiteError) {
        switch content {
        case .drink(let d): try insertRow(DiaryEntryRow(.drink(d)))
        case .dose(let d): try insertRow(DiaryEntryRow(.dose(d)))
        case .cramp(let c): try insertRow(DiaryEntryRow(.cramp(c)))
        case .reminderEvent(let e): try insertEvent(e)
        }
    }
}
