import CrampCore
import Foundation
import SQLite
import Testing
@testable import CrampDaemon

@Suite("Diary recovery from a damaged file")
struct DiaryRecoveryTests {
    let now = DiaryTestTime.now  // 2026-11-25 15:00:00 UTC

    @Test func garbageIsMovedAsideWithItsCompanionsAndANewDiaryWorks() throws {
        let dir = try DiaryTemporaryDirectory()
        let path = dir.file("diary.sqlite")
        let garbage = (0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(garbage)))
        #expect(FileManager.default.createFile(atPath: path + "-wal", contents: Data([1, 2, 3])))

        let store = try DiaryStore(path: path, now: now)
        let recovery = try #require(store.recovery)
        #expect(recovery.movedTo == path + ".corrupt-20261125T150000")
        #expect(recovery.cause.isCorrupt)
        #expect(recovery.message.hasPrefix("Diary database was damaged (file is not a database); moved it to \(path).corrupt-20261125T150000"))
        #expect(FileManager.default.bytes(recovery.movedTo) == garbage, "the damaged file is kept as it was")
        #expect(FileManager.default.bytes(recovery.movedTo + "-wal") == [1, 2, 3])

        try store.insert(Drink(milliliters: 250, time: now))
        #expect(try store.records(since: nil).drinks.count == 1)
        try store.close()
        // The new diary is healthy: reopening recovers nothing.
        #expect(try DiaryStore(path: path, now: now).recovery == nil)
    }

    @Test func aSecondDamageInTheSameSecondGetsItsOwnName() throws {
        let dir = try DiaryTemporaryDirectory()
        let path = dir.file("diary.sqlite")
        for expected in [".corrupt-20261125T150000", ".corrupt-20261125T150000-2"] {
            #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0xEE, count: 4096)))
            let store = try DiaryStore(path: path, now: now)
            #expect(store.recovery?.movedTo == path + expected)
            try store.close()
            try FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
        }
    }

    @Test func damagedPagesInsideAValidFileAreFound() throws {
        let dir = try DiaryTemporaryDirectory()
        let path = dir.file("diary.sqlite")
        do {
            let store = try DiaryStore(path: path, now: now)
            for i in 0..<2000 {
                try store.insert(Drink(milliliters: 100 + i % 400, time: now + .seconds(Int64(i)), note: String(repeating: "n", count: 80)))
            }
            try store.close()  // checkpoints the WAL into the main file
        }
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 40 * 4096)
        // Overwrite pages 5 to 8 (b-tree pages of the entry table) with a pattern.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: 4 * 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4 * 4096))
        try handle.close()

        let store = try DiaryStore(path: path, now: now)
        let recovery = try #require(store.recovery, "quick_check must notice the damage")
        #expect(recovery.cause.isCorrupt)
        // The rows on intact pages come back, unchanged, with their ids; those on the four damaged pages do not.
        let drinks = try store.records(since: nil).drinks
        #expect(recovery.recoveredRecords == drinks.count)
        #expect(drinks.count > 1800 && drinks.count <= 2000, "recovered \(drinks.count) of 2000")
        for drink in drinks {
            let i = Int((drink.time.microseconds - now.microseconds) / 1_000_000)
            #expect(drink.milliliters == 100 + i % 400 && drink.note == String(repeating: "n", count: 80))
        }
        #expect(recovery.message.contains("started a new diary with the \(drinks.count) records that could still be read from it"))
    }

    /// One leaf page of the entry table overwritten (the page a sqlite3 user would lose):
    /// every row on the other pages comes back, before and after it, and `undo` still
    /// takes the latest entry.
    @Test func oneDamagedTablePageLosesOnlyItsOwnRows() throws {
        let dir = try DiaryTemporaryDirectory()
        let path = dir.file("diary.sqlite")
        let note = String(repeating: "n", count: 80)
        do {
            let store = try DiaryStore(path: path, now: now)
            for i in 0..<2000 { try store.insert(Drink(milliliters: 100 + i % 400, time: now + .seconds(Int64(i)), note: note)) }
            try store.close()
        }
        var bytes = try #require(FileManager.default.bytes(path))
        // Table leaf pages (b-tree page type 0x0D) that hold drinks, i.e. the notes.
        let pageSize = 4096
        let leaves = stride(from: pageSize, to: bytes.count, by: pageSize).filter { start in
            bytes[start] == 0x0D && bytes[start..<(start + pageSize)].contains(UInt8(ascii: "n"))
        }
        #expect(leaves.count > 20)
        let victim = leaves[leaves.count / 2]
        for i in victim..<(victim + pageSize) { bytes[i] = 0xA5 }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))

        let store = try DiaryStore(path: path, now: now)
        let recovery = try #require(store.recovery)
        let seconds = try store.records(since: nil).drinks.map { Int(($0.time.microseconds - now.microseconds) / 1_000_000) }
        #expect(recovery.recoveredRecords == seconds.count)
        #expect(seconds.count >= 2000 - 60 && seconds.count < 2000, "recovered \(seconds.count) of 2000")
        // What is missing is one run of rows: the damaged page's.
        let missing = Set(0..<2000).subtracting(seconds).sorted()
        #expect(missing.count > 0 && missing.last! - missing.first! == missing.count - 1)
        #expect(missing.first! > 0 && missing.last! < 1999)
        #expect(try store.undoLast() == .drink(Drink(milliliters: 100 + 1999 % 400, time: now + .seconds(1999), note: note)))
    }

    @Test func timestampsAreUTC() {
        #expect(DiaryRecovery.timestamp(Instant(microseconds: 0)) == "19700101T000000")
        #expect(DiaryRecovery.timestamp(DiaryTestTime.today(9, 5, second: 7)) == "20261125T090507")
    }
}
