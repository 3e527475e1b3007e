import CrampCore
import Foundation
import Glibc
import SQLite
import Testing
@testable import CrampDaemon

/// A daemon killed in the middle of a write must leave every acknowledged entry exactly once
/// and nothing of the write it was doing. The test runs itself again as a child process
/// (the same test binary, filtered to this test, with `childVariable` set) that logs drinks,
/// reports each one after `insert` returned (the moment the daemon would acknowledge it), then
/// SIGKILLs itself inside the next transaction, after its INSERTs and before its COMMIT.
@Suite("Diary durability")
struct DiaryCrashTests {
    static let childVariable = "CRAMPD_DIARY_CRASH_CHILD"
    static let acknowledged = 50

    @Test func killedBeforeCommitLeavesExactlyTheAcknowledgedEntries() throws {
        if let path = ProcessInfo.processInfo.environment[Self.childVariable] { Self.runChild(path) }

        let dir = try DiaryTemporaryDirectory()
        let path = dir.file("diary.sqlite")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        child.arguments = ["--testing-library", "swift-testing", "--filter", "killedBeforeCommitLeavesExactlyTheAcknowledgedEntries"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.childVariable: path]) { $1 }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()

        #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL,
                "the child must die by SIGKILL inside the transaction")
        let acks = text.split(separator: "\n").filter { $0.hasPrefix("ACK ") }.compactMap { Int64($0.dropFirst(4)) }
        try #require(acks.count == Self.acknowledged, "child output: \(text.suffix(500))")
        // The doomed transaction was large enough that SQLite spilled its pages into the WAL.
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(walSize > 1_000_000, "WAL holds \(walSize) bytes; expected uncommitted frames on disk")

        let store = try DiaryStore(path: path, now: DiaryTestTime.now)
        #expect(store.recovery == nil, "a crash is not damage")
        // Compared as counts first, so a failure does not print 30,000 rows.
        let ids = try store.database.query("SELECT id FROM entry ORDER BY id") { $0.int64(at: 0) }
        try #require(ids.count == acks.count, "\(ids.count) entries in the diary, \(acks.count) acknowledged")
        #expect(ids == acks)
        let notes = try store.records(since: nil).drinks.map(\.note)
        #expect(notes == (0..<Self.acknowledged).map { "acknowledged \($0)" })
    }

    /// The child's part; never returns.
    static func runChild(_ path: String) -> Never {
        func say(_ line: String) {
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }  // unbuffered: SIGKILL flushes nothing
        }
        do {
            let store = try DiaryStore(path: path, now: DiaryTestTime.now)
            for i in 0..<acknowledged {
                let id = try store.insert(Drink(milliliters: 100 + i, time: DiaryTestTime.today(8, 0) + .seconds(Int64(i)), note: "acknowledged \(i)"))
                say("ACK \(id)")
            }
            store.beforeCommitForTesting = {
                // Enough rows to overflow SQLite's page cache, so uncommitted pages reach the WAL file.
                for j in 0..<30_000 {
                    _ = try? store.database.run("INSERT INTO entry (kind, time_usec, amount, note) VALUES ('drink', ?, 1, ?)",
                                                [.integer(Int64(j)), .text(String(repeating: "x", count: 200))])
                }
                kill(getpid(), SIGKILL)
            }
            try store.insert(Drink(milliliters: 999, time: DiaryTestTime.now, note: "never acknowledged"))
            say("BUG: the doomed transaction committed")
        } catch {
            say("ERROR \(error)")
        }
        exit(3)
    }
}
