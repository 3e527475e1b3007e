import CSQLite
import SQLite
import Testing

@Suite struct StatementTests {
    @Test func everyTypeRoundTrips() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.file("diary.sqlite"))
        try database.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        let insert = try database.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
        try insert.bind(Int64.max, at: 1)
        try insert.bind(0.1, at: 2)
        try insert.bind("Magnesium 300 mg\nnach dem Lauf ✓ \u{0}end", at: 3)
        try insert.bind([0, 1, 255], at: 4)
        try insert.bindNull(at: 5)
        #expect(try insert.step() == false)
        insert.close()

        let select = try database.prepare("SELECT i, r, s, b, n FROM t")
        #expect(try select.step())
        #expect(select.columnCount == 5)
        #expect(select.columnName(at: 2) == "s")
        #expect(select.int64(at: 0) == Int64.max)
        #expect(select.double(at: 1) == 0.1)
        #expect(select.string(at: 2) == "Magnesium 300 mg\nnach dem Lauf ✓ \u{0}end")
        #expect(select.blob(at: 3) == [0, 1, 255])
        #expect(select.isNull(at: 4))
        #expect(select.string(at: 4) == nil)
        #expect(select.blob(at: 4) == nil)
        #expect(select.value(at: 0) == .integer(Int64.max))
        #expect(select.value(at: 4) == .null)
        #expect(try select.step() == false)
    }

    @Test func emptyTextAndBlobAreNotNull() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t (s TEXT, b BLOB)")
        try database.run("INSERT INTO t VALUES (?, ?)", [.text(""), .blob([])])
        let rows = try database.query("SELECT s, b, s IS NULL, b IS NULL FROM t") { row in
            [row.value(at: 0), row.value(at: 1), row.value(at: 2), row.value(at: 3)]
        }
        #expect(rows == [[.text(""), .blob([]), 0, 0]])
    }

    @Test func literalParametersAndQueryRows() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE drinks (id INTEGER PRIMARY KEY, ml INTEGER NOT NULL, note TEXT)")
        #expect(try database.run("INSERT INTO drinks (ml, note) VALUES (?, ?)", [250, "after run"]) == 1)
        #expect(database.lastInsertRowID == 1)
        try database.run("INSERT INTO drinks (ml, note) VALUES (?, ?)", [500, nil])
        let notes = try database.query("SELECT ml, note FROM drinks WHERE ml >= ? ORDER BY id", [SQLiteValue(250)]) { row in
            "\(row.int(at: 0)) \(row.string(at: 1) ?? "-")"
        }
        #expect(notes == ["250 after run", "500 -"])
        #expect(try database.run("UPDATE drinks SET ml = ml + 1") == 2)
    }

    @Test func namedParameters() throws {
        let database = try Database(path: ":memory:")
        let statement = try database.prepare("SELECT :ml * 2")
        let index = try #require(statement.parameterIndex(":ml"))
        try statement.bind(125, at: index)
        #expect(try statement.step())
        #expect(statement.int(at: 0) == 250)
        #expect(statement.parameterIndex(":missing") == nil)
    }

    @Test func statementRunsAgainAfterReset() throws {
        let database = try Database(path: ":memory:")
        let statement = try database.prepare("SELECT ?")
        for value in [1, 2, 3] as [Int64] {
            try statement.bind([.integer(value)])
            #expect(try statement.step())
            #expect(statement.int64(at: 0) == value)
            statement.reset()
        }
    }

    @Test func wrongParameterCountIsRefused() throws {
        let database = try Database(path: ":memory:")
        let statement = try database.prepare("SELECT ?, ?")
        #expect(throws: SQLiteError(
            action: "bind parameters of \"SELECT ?, ?\"", function: "sqlite3_bind_parameter_count",
            code: SQLITE_RANGE, message: "1 values for 2 parameters")
        ) {
            try statement.bind([1])
        }
    }

    @Test func syntaxErrorNamesTheCallAndTheStatement() throws {
        let database = try Database(path: ":memory:")
        let error = try #require(throws: SQLiteError.self) { try database.prepare("SELEKT 1") }
        #expect(error.function == "sqlite3_prepare_v2")
        #expect(error.code == SQLITE_ERROR)
        #expect(error.description == "Failed to prepare \"SELEKT 1\": sqlite3_prepare_v2: near \"SELEKT\": syntax error (code 1)")
    }

    @Test func constraintFailureCarriesTheExtendedCode() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
        try database.run("INSERT INTO t (name) VALUES (?)", ["calf"])
        let error = try #require(throws: SQLiteError.self) {
            try database.run("INSERT INTO t (name) VALUES (?)", ["calf"])
        }
        #expect(error.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.primaryCode == SQLITE_CONSTRAINT)
        #expect(error.description == "Failed to run \"INSERT INTO t (name) VALUES (?)\": sqlite3_step: UNIQUE constraint failed: t.name (code 2067)")
    }

    @Test func closedStatementIsAnError() throws {
        let database = try Database(path: ":memory:")
        let statement = try database.prepare("SELECT 1")
        statement.close()
        statement.close()
        #expect(throws: SQLiteError.self) { try statement.step() }
    }
}
