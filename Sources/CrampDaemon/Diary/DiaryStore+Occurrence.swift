import CrampCore
import SQLite

extension DiaryStore {
    /// The planned time of the latest occurrence of `reminder` fired (due or catch-up) at or
    /// after `since` and not yet confirmed: what a `done` confirms, so adherence pairs them.
    /// `nil` when there is none (a `done` before the reminder fired).
    public func unconfirmedOccurrence(of reminder: String, since: Instant) throws(DiaryStoreError) -> Instant? {
        do {
            return try database.query("""
                SELECT e.planned_usec FROM reminder_event e
                WHERE e.reminder = ? AND e.event IN ('due', 'catch-up') AND e.actual_usec >= ? AND e.planned_usec IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM reminder_event d
                                  WHERE d.reminder = e.reminder AND d.event = 'done' AND d.planned_usec = e.planned_usec)
                ORDER BY e.actual_usec DESC, e.id DESC LIMIT 1
                """, [.text(reminder), .integer(since.microseconds)]) { (s: Statement) throws(SQLiteError) in
                Instant(microseconds: s.int64(at: 0))
            }.first
        } catch {
            throw DiaryStoreError(action: "read diary \(path)", error)
        }
    }
}
