import CSQLite
import SQLite
import Testing

@Suite struct MigrationTests {
    let steps = [
        "CREATE TABLE drinks (id INTEGER PRIMARY KEY, ml INTEGER NOT NULL)",
        "ALTER TABLE drinks ADD COLUMN note TEXT",
    ]

    @Test func newFileGetsEveryStep() throws {
        let database = try Database(path: ":memory:")
        #expect(try database.userVersion() == 0)
        let result = try database.migrate(steps)
        #expect(result.from == 0 && result.to == 2)
        #expect(try database.userVersion() == 2)
        try database.run("INSERT INTO drinks (ml, note) VALUES (?, ?)", [250, "ok"])
    }

    @Test func onlyNewStepsRunOnAnExistingFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("diary.sqlite")
        do {
            let database = try Database(path: path)
            try database.migrate(Array(steps.prefix(1)))
            try database.run("INSERT INTO drinks (ml) VALUES (?)", [250])
            try database.close()
        }
        let database = try Database(path: path)
        #expect(try database.userVersion() == 1)
        let result = try database.migrate(steps)
        #expect(result.from == 1 && result.to == 2)
        #expect(try database.query("SELECT ml, note FROM drinks") { [$0.value(at: 0), $0.value(at: 1)] } == [[250, nil]])
        let again = try database.migrate(steps)
        #expect(again.from == 2 && again.to == 2)
    }

    @Test func failingStepLeavesTheVersionBefore() throws {
        let database = try Database(path: ":memory:")
        let broken = steps + ["CREATE TABLE cramps (id INTEGER PRIMARY KEY); ALTER TABLE nowhere ADD COLUMN x"]
        let error = try #require(throws: SQLiteError.self) { try database.migrate(broken) }
        #expect(error.action == "migrate database :memory: to version 3")
        #expect(error.message == "no such table: nowhere")
        #expect(try database.userVersion() == 2)
        // The step's first statement was rolled back with it.
        #expect(try database.query("SELECT name FROM sqlite_master WHERE name = 'cramps'") { $0.string(at: 0) }.isEmpty)
    }

    @Test func newerFileIsRefused() throws {
        let database = try Database(path: ":memory:")
        try database.setUserVersion(5)
        #expect(throws: SQLiteError(
            action: "migrate database :memory:", function: "PRAGMA user_version", code: SQLITE_ERROR,
            message: "schema version 5 is newer than the 2 this program knows; upgrade crampd")
        ) {
            try database.migrate(steps)
        }
    }
}
