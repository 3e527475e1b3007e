import CrampCore
import Glibc
import SQLite

/// What opening the diary had to do about a damaged file: the daemon logs `message` at PRIORITY=2 (crit).
public struct DiaryRecovery: Sendable, CustomStringConvertible {
    /// Where the damaged database now lies (`diary.sqlite.corrupt-20261125T141502`); its
    /// `-wal` and `-shm` files, if any, were moved beside it with the same suffix.
    public var movedTo: String
    /// Why it was judged damaged.
    public var cause: SQLiteError
    /// Drinks, doses, cramps, reminder events and notices copied from it into the new diary.
    public var recoveredRecords: Int

    public init(movedTo: String, cause: SQLiteError, recoveredRecords: Int = 0) {
        self.movedTo = movedTo; self.cause = cause; self.recoveredRecords = recoveredRecords
    }

    public var message: String {
        let salvage = recoveredRecords == 0
            ? "a new, empty diary (nothing in it could be read)"
            : "a new diary with the \(recoveredRecords) record\(recoveredRecords == 1 ? "" : "s") that could still be read from it"
        return "Diary database was damaged (\(cause.message)); moved it to \(movedTo) and started \(salvage)"
    }
    public var description: String { message }

    /// The journal fields of the PRIORITY=2 message.
    var journalFields: [(String, String)] {
        [("CRAMPD_DIARY_MOVED_TO", movedTo), ("CRAMPD_DIARY_RECOVERED", String(recoveredRecords))]
    }

    /// Renames `path` and its `-wal`/`-shm` companions to `path.corrupt-YYYYmmddTHHMMSS` (UTC),
    /// adding "-2", "-3", … when that name is taken. Returns the new name of the main file.
    static func moveAside(_ path: String, now: Instant) throws(DiaryStoreError) -> String {
        let stamp = timestamp(now)
        var target = "\(path).corrupt-\(stamp)"
        var n = 2
        while exists(target) { target = "\(path).corrupt-\(stamp)-\(n)"; n += 1 }
        do {
            try Database.moveAside(path, to: target)
        } catch {
            throw DiaryStoreError(action: "move damaged diary \(path) aside", error)
        }
        return target
    }

    /// "20261125T141502"
    static func timestamp(_ now: Instant) -> String {
        let t = LocalDateTime(microsecondsSinceEpochAsUTC: now.microseconds)
        func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return pad(t.date.year, 4) + pad(t.date.month, 2) + pad(t.date.day, 2) + "T" + pad(t.time.hour, 2) + pad(t.time.minute, 2)
            + pad(t.time.second, 2)
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
