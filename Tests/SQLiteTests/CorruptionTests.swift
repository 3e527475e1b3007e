import CSQLite
import SQLite
import Testing

/// The daemon moves a damaged diary aside; these prove the damage surfaces as `isCorrupt`.
@Suite struct CorruptionTests {
    @Test func fileThatIsNotADatabase() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("diary.sqlite")
        let database = try Database(path: path)
        try database.execute("CREATE TABLE t (x)")
        try database.close()
        scribble(path, offset: 0, count: 100)  // the header

        let reopened = try Database(path: path)  // SQLite reads lazily: opening still works
        let error = try #require(throws: SQLiteError.self) { try reopened.configureForDurability() }
        #expect(error.isCorrupt)
        #expect(error.primaryCode == SQLITE_NOTADB)
        #expect(error.message == "file is not a database")
    }

    @Test func damagedPagesFailTheQuickCheck() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("diary.sqlite")
        do {
            let database = try Database(path: path)
            try database.execute("PRAGMA page_size = 4096; CREATE TABLE drinks (id INTEGER PRIMARY KEY, note TEXT); CREATE INDEX drinks_note ON drinks (note)")
            try database.transaction {
                for number in 0..<500 {
                    try database.run("INSERT INTO drinks (note) VALUES (?)", [.text("drink \(number) with some padding text")])
                }
            }
            try database.quickCheck()
            try database.close()
        }
        #expect(fileSize(path) > 4 * 4096)
        scribble(path, offset: 2 * 4096 + 16, count: 4000)  // inside page 3, past its header

        let error = try #require(throws: SQLiteError.self) {
            let database = try Database(path: path)
            try database.quickCheck()
        }
        #expect(error.isCorrupt)
        #expect(error.function == "PRAGMA quick_check" || error.function == "sqlite3_step")
    }

    @Test func healthyFilePassesTheQuickCheck() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.file("diary.sqlite"))
        try database.configureForDurability()
        try database.migrate(["CREATE TABLE t (x)"])
        try database.quickCheck()
    }
}
