import CSQLite
import Glibc
import SQLite
import Testing

@Suite struct MoveAsideTests {
    @Test func movesTheFileWithItsLogAndSharedMemory() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("diary.sqlite")
        let database = try Database(path: path)
        try database.configureForDurability()
        try database.execute("CREATE TABLE t (x)")
        // A reader keeps the log files in place, as a crash would.
        let reader = try Database(path: path)
        #expect(try reader.query("SELECT count(*) FROM t") { $0.int(at: 0) } == [0])
        #expect(fileSize(path + "-wal") >= 0)
        #expect(fileSize(path + "-shm") >= 0)
        let aside = directory.file("diary.sqlite.corrupt-20261125T143000")
        try Database.moveAside(path, to: aside)
        for suffix in ["", "-wal", "-shm"] {
            #expect(fileSize(path + suffix) == -1, "\(path + suffix) is gone")
            #expect(fileSize(aside + suffix) >= 0, "\(aside + suffix) exists")
        }
    }

    @Test func missingLogFilesAreFine() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("diary.sqlite")
        try Database(path: path).execute("CREATE TABLE t (x)")
        try Database.moveAside(path, to: path + ".old")
        #expect(fileSize(path + ".old") > 0)
    }

    @Test func missingFileIsAnError() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("absent.sqlite")
        #expect(throws: SQLiteError(
            action: "move database \(path) aside to \(path).old", function: "rename",
            code: SQLITE_IOERR, message: "No such file or directory")
        ) {
            try Database.moveAside(path, to: path + ".old")
        }
    }
}
