import SQLite
import Testing

@Suite struct TransactionTests {
    struct Refused: Error {}

    private func database() throws -> Database {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE drinks (ml INTEGER)")
        return database
    }

    private func total(_ database: Database) throws -> Int {
        try database.query("SELECT coalesce(sum(ml), 0) FROM drinks") { $0.int(at: 0) }.first ?? -1
    }

    @Test func commitsWhatTheBodyWrote() throws {
        let database = try database()
        let rowID = try database.transaction {
            #expect(database.isInTransaction)
            try database.run("INSERT INTO drinks VALUES (?)", [250])
            return database.lastInsertRowID
        }
        #expect(rowID == 1)
        #expect(!database.isInTransaction)
        #expect(try total(database) == 250)
    }

    @Test func rollsBackWhenTheBodyThrows() throws {
        let database = try database()
        #expect(throws: Refused.self) {
            try database.transaction {
                try database.run("INSERT INTO drinks VALUES (?)", [250])
                throw Refused()
            }
        }
        #expect(!database.isInTransaction)
        #expect(try total(database) == 0)
    }

    @Test func rollsBackWhenAStatementFails() throws {
        let database = try database()
        #expect(throws: SQLiteError.self) {
            try database.transaction {
                try database.run("INSERT INTO drinks VALUES (?)", [250])
                try database.run("INSERT INTO nowhere VALUES (1)")
            }
        }
        #expect(try total(database) == 0)
        try database.transaction { try database.run("INSERT INTO drinks VALUES (?)", [100]) }
        #expect(try total(database) == 100)
    }
}
