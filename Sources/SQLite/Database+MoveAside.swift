import CSQLite
import Glibc

extension Database {
    /// Renames a (closed) database file and its write-ahead log and shared-memory files
    /// (`-wal`, `-shm`) to `destination`, `destination-wal`, `destination-shm`.
    ///
    /// The daemon moves a corrupt diary aside this way before starting a new one. Moving the
    /// main file alone would be wrong: a new database would pick up the old one's `-wal`.
    ///
    /// The corresponding C function is `rename`.
    public static func moveAside(_ path: String, to destination: String) throws(SQLiteError) {
        for suffix in ["", "-wal", "-shm"] {
            let from = path + suffix
            guard suffix.isEmpty || access(from, F_OK) == 0 else { continue }
            if rename(from, destination + suffix) != 0 {
                let code = errno
                throw SQLiteError(
                    action: "move database \(from) aside to \(destination + suffix)", function: "rename",
                    code: SQLITE_IOERR, message: String(cString: strerror(code)))
            }
        }
    }
}
