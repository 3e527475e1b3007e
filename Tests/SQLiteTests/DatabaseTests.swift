import CSQLite
import SQLite
import Testing

@Suite struct DatabaseTests {
    @Test func dataSurvivesReopening() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("diary.sqlite")
        do {
            let database = try Database(path: path)
            try database.configureForDurability()
            try database.execute("CREATE TABLE drinks (ml INTEGER)")
            try database.run("INSERT INTO drinks VALUES (?)", [250])
            try database.close()
        }
        let database = try Database(path: path, mode: .readOnly)
        #expect(try database.query("SELECT ml FROM drinks") { $0.int(at: 0) } == [250])
    }

    @Test func durabilitySettingsAreInEffect() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.file("diary.sqlite"))
        try database.configureForDurability(busyTimeoutMilliseconds: 1_234)
        #expect(try database.query("PRAGMA journal_mode") { $0.string(at: 0) } == ["wal"])
        #expect(try database.query("PRAGMA synchronous") { $0.int(at: 0) } == [2])  // FULL
        #expect(try database.query("PRAGMA foreign_keys") { $0.int(at: 0) } == [1])
        #expect(try database.query("PRAGMA busy_timeout") { $0.int(at: 0) } == [1_234])
    }

    @Test func missingDirectoryCannotBeOpened() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("absent/diary.sqlite")
        let error = try #require(throws: SQLiteError.self) { try Database(path: path) }
        #expect(error.primaryCode == SQLITE_CANTOPEN)
        #expect(error.description == "Failed to open database \(path): sqlite3_open_v2: unable to open database file (code 14)")
    }

    @Test func readOnlyDoesNotCreate() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("diary.sqlite")
        #expect(throws: SQLiteError.self) { try Database(path: path, mode: .readOnly) }
        #expect(fileSize(path) == -1)
    }

    @Test func closeRefusesWhileAStatementIsOpen() throws {
        let database = try Database(path: ":memory:")
        let statement = try database.prepare("SELECT 1")
        let error = try #require(throws: SQLiteError.self) { try database.close() }
        #expect(error.primaryCode == SQLITE_BUSY)
        statement.close()
        try database.close()
        try database.close()
        #expect(throws: SQLiteError(action: "execute \"SELECT 1\"", function: "sqlite3", code: SQLITE_MISUSE, message: "database :memory: is closed")) {
            try database.execute("SELECT 1")
        }
    }

    @Test func busyTimeoutFailsASecondWriter() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("diary.sqlite")
        let first = try Database(path: path)
        try first.configureForDurability()
        try first.execute("CREATE TABLE t (x)")
        let second = try Database(path: path)
        try second.configureForDurability(busyTimeoutMilliseconds: 50)
        try first.execute("BEGIN IMMEDIATE")
        let error = try #require(throws: SQLiteError.self) { try second.execute("INSERT INTO t VALUES (1)") }
        #expect(error.isBusy)
        try first.execute("COMMIT")
        try second.execute("INSERT INTO t VALUES (1)")
    }
}
