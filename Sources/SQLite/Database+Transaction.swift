import CSQLite

extension Database {
    /// Runs `body` inside `BEGIN IMMEDIATE` … `COMMIT`; rolls back and rethrows when it throws.
    ///
    /// `IMMEDIATE` takes the write lock up front, so a transaction never fails half-way
    /// because another connection started writing. A command is acknowledged only after
    /// this returns: the commit is then on disk (with `synchronous=FULL`).
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        let result: T
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            // A failed COMMIT may already have ended the transaction; roll back only what is open.
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
        return result
    }
}
