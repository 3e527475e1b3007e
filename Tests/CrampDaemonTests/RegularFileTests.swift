import CrampCore
import CrampDaemon
import Dispatch
import Glibc
import POSIX
import Testing

/// Issue 13 item 2 and 9: every file crampd reads is a regular file below its cap, opened
/// without blocking; what config.d holds besides is named, not skipped silently.
@Suite struct RegularFileTests {
    @Test func aFIFOIsRefusedAtOnceNotWaitedOn() throws {
        let root = ConfigFilesTests.makeTree([:])
        defer { ConfigFilesTests.remove(root) }
        let fifo = root + "/config.toml"
        #expect(mkfifo(fifo, 0o600) == 0)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<[UInt8]?, FileReadError>?
        DispatchQueue.global().async {
            outcome = RegularFile.read(fifo, cap: .config)
            done.signal()
        }
        if done.wait(timeout: .now() + 2) == .timedOut {
            Issue.record("reading a FIFO blocked")
            // Unblock the reader: a writer that opens and closes lets its open(2) return.
            close(open(fifo, O_WRONLY | O_NONBLOCK))
            _ = done.wait(timeout: .now() + 2)
            return
        }
        #expect(outcome == .failure(FileReadError(path: fifo, problem: .notRegular("a FIFO"))))
        #expect(FileReadError(path: fifo, problem: .notRegular("a FIFO")).description
            == "Failed to read \(fifo): it is a FIFO, not a regular file; crampd reads only regular files")
    }

    @Test func aLinkToDevZeroIsRefusedWithoutReading() {
        let root = ConfigFilesTests.makeTree([:])
        defer { ConfigFilesTests.remove(root) }
        #expect(symlink("/dev/zero", root + "/state.json") == 0)
        #expect(RegularFile.read(root + "/state.json", cap: .state)
            == .failure(FileReadError(path: root + "/state.json", problem: .notRegular("a character device"))))
    }

    @Test func aFileOverItsCapIsRefusedNamingTheCap() throws {
        let root = ConfigFilesTests.makeTree(["ok": "0123456789", "big": "0123456789A"])
        defer { ConfigFilesTests.remove(root) }
        let cap = RegularFile.Cap(kind: "test files", bytes: 10)
        #expect(try RegularFile.read(root + "/ok", cap: cap).get() == Array("0123456789".utf8))
        let error = FileReadError(path: root + "/big", problem: .tooLarge(cap))
        #expect(RegularFile.read(root + "/big", cap: cap) == .failure(error))
        #expect(error.description == "Failed to read \(root)/big: larger than the 10 bytes cap for test files")
        #expect(FileReadError(path: "c", problem: .tooLarge(.config)).cause == "larger than the 1 MiB cap for config files")
        #expect(try RegularFile.read(root + "/missing", cap: cap).get() == nil)
    }

    @Test func procFilesThatSayZeroBytesAreReadWhole() throws {
        let maps = try #require(try RegularFile.read("/proc/self/maps", cap: .procfs).get())
        #expect(maps.count > 100)
    }

    @Test func aConfigTooLargeFailsTheLoadNamingFileAndCap() throws {
        let root = ConfigFilesTests.makeTree(["config.toml": String(repeating: "# padding\n", count: 110_000)])
        defer { ConfigFilesTests.remove(root) }
        guard case .failure(let failure) = ConfigFiles.load(explicitPath: root + "/config.toml", environment: ["HOME": root]) else {
            Issue.record("a 1.1 MB config loaded")
            return
        }
        #expect(failure.systemErrors == ["Failed to read \(root)/config.toml: larger than the 1 MiB cap for config files"])
    }

    @Test func whatConfigDHoldsBesidesRegularFilesIsNamed() throws {
        let root = ConfigFilesTests.makeTree([
            "config.toml": "[[reminder]]\nid = \"tea\"\nkind = \"hydration\"\nevery = \"2h\"\n",
            "config.d/10-ok.toml": "",
        ])
        defer { ConfigFilesTests.remove(root) }
        let dir = root + "/config.d"
        #expect(mkdir(dir + "/20-dir.toml", 0o700) == 0)
        #expect(mkfifo(dir + "/30-fifo.toml", 0o600) == 0)
        #expect(symlink("nowhere.toml", dir + "/40-dangling.toml") == 0)
        #expect(symlink("50-loop.toml", dir + "/50-loop.toml") == 0)
        #expect(symlink("10-ok.toml", dir + "/60-link.toml") == 0)
        let loaded = try ConfigFiles.load(explicitPath: root + "/config.toml", environment: ["HOME": root]).get()
        #expect(loaded.files == [root + "/config.toml", dir + "/10-ok.toml", dir + "/60-link.toml"])
        #expect(loaded.warnings == [
            "Ignored \(dir)/20-dir.toml: it is a directory, not a regular file",
            "Ignored \(dir)/30-fifo.toml: it is a FIFO, not a regular file",
            "Ignored \(dir)/40-dangling.toml: it is a link to a file that does not exist",
            "Ignored \(dir)/50-loop.toml: it is a symbolic link loop",
        ])
        #expect(ConfigSummary.render(loaded, zone: .utc, zoneNote: "test", now: Instant(seconds: 0))
            .contains("Warnings:\n  Ignored \(dir)/20-dir.toml: it is a directory, not a regular file\n"))
    }

    @Test func writeAllWritesEverythingThroughShortWrites() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 7) }  // more than a pipe holds
        nonisolated(unsafe) var received: [UInt8] = []
        let done = DispatchSemaphore(value: 0)
        let reader = fds[0]
        DispatchQueue.global().async {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                received += chunk[0..<n]
            }
            done.signal()
        }
        #expect(writeAll(fds[1], bytes) == nil)
        close(fds[1])
        #expect(done.wait(timeout: .now() + 10) == .success)
        close(fds[0])
        #expect(received == bytes)
    }
}
