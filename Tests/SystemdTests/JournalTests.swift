import Foundation
import Glibc
import Systemd
import Testing

extension ProcessEnvironment {
    /// Round trips through a real systemd-journald, read back with journalctl.
    @Suite struct JournalTests {
        @Test func sentEntryReadsBackWithEveryField() throws {
            let marker = UUID().uuidString
            let fields: [(name: String, value: String)] = [
                ("MESSAGE", "Drink 250 ml of water"),
                JournalPriority.notice.field,
                ("SYSLOG_IDENTIFIER", "crampd-test"),
                ("CRAMPD_TEST_MARKER", marker),
                ("CRAMPD_NOTE", "two\nlines, ümlaut and = sign"),
                ("CRAMPD_EMPTY", ""),
            ]
            let entry = try Journald.withRunning { () throws -> [String: Any]? in
                #expect(Journal.isAvailable)
                try Journal.send(fields)
                return try readBack(marker: marker)
            }
            let found = try #require(entry, "journalctl found no entry with CRAMPD_TEST_MARKER=\(marker)")
            for field in fields {
                #expect(found[field.name] as? String == field.value, "field \(field.name)")
            }
        }

        @Test func messagePriorityAndIdentifierComeWithTheFields() throws {
            let marker = UUID().uuidString
            let entry = try Journald.withRunning { () throws -> [String: Any]? in
                try Journal.send(
                    message: "Reminder water is due", priority: .warning, identifier: "crampd-test",
                    fields: [("CRAMPD_TEST_MARKER", marker), ("CRAMPD_REMINDER", "water")])
                return try readBack(marker: marker)
            }
            let found = try #require(entry)
            #expect(found["MESSAGE"] as? String == "Reminder water is due")
            #expect(found["PRIORITY"] as? String == "4")
            #expect(found["SYSLOG_IDENTIFIER"] as? String == "crampd-test")
            #expect(found["CRAMPD_REMINDER"] as? String == "water")
        }

        @Test func availableOnlyWhileSomethingListens() throws {
            let path = UnixSocket.temporaryPath("journal.sock")
            #expect(!Journal.isAvailable(at: path))
            let fd = try #require(UnixSocket.bound(path, type: Int32(SOCK_DGRAM.rawValue)))
            defer { unlink(path) }
            #expect(Journal.isAvailable(at: path))
            close(fd)
            // The file stays, as after a journald that stopped.
            #expect(access(path, F_OK) == 0)
            #expect(!Journal.isAvailable(at: path))
        }

        @Test func invalidFieldNameIsRefusedBeforeSending() {
            #expect(throws: SystemdError(
                action: "send journal entry", function: nil, code: EINVAL,
                detail: "invalid field name \"crampd_note\": use uppercase letters, digits and underscores, not starting with an underscore")
            ) {
                try Journal.send([("MESSAGE", "x"), ("crampd_note", "y")])
            }
        }

        @Test func noFieldsIsRefused() {
            #expect(throws: SystemdError.self) { try Journal.send([]) }
        }

        @Test(arguments: [
            ("MESSAGE", true), ("CRAMPD_DUE_USEC", true), ("A1", true), ("X", true),
            ("", false), ("_PID", false), ("1ABC", false), ("message", false), ("CRAMPD-KIND", false),
            ("CRAMPD KIND", false), ("ÄRGER", false), (String(repeating: "A", count: 64), true),
            (String(repeating: "A", count: 65), false),
        ])
        func fieldNames(name: String, valid: Bool) {
            #expect(Journal.isValidFieldName(name) == valid)
        }

        @Test func stderrIsTheJournalStreamOnlyWhenDeviceAndInodeMatch() throws {
            var info = stat()
            try #require(fstat(STDERR_FILENO, &info) == 0)
            let own = "\(info.st_dev):\(info.st_ino)"
            ProcessEnvironment.with(["JOURNAL_STREAM": own]) { #expect(Journal.isStderrJournalStream) }
            ProcessEnvironment.with(["JOURNAL_STREAM": "1:2"]) { #expect(!Journal.isStderrJournalStream) }
            ProcessEnvironment.with(["JOURNAL_STREAM": "garbage"]) { #expect(!Journal.isStderrJournalStream) }
            ProcessEnvironment.with(["JOURNAL_STREAM": nil]) { #expect(!Journal.isStderrJournalStream) }
        }

        /// journald writes asynchronously, so poll journalctl for up to 5 s.
        private func readBack(marker: String) throws -> [String: Any]? {
            let deadline = Subprocess.monotonicSeconds() + 5
            repeat {
                let result = try Subprocess.run(["journalctl", "--no-pager", "-o", "json", "CRAMPD_TEST_MARKER=\(marker)"])
                if result.status == 0, let line = result.output.split(separator: "\n").first,
                   let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
                    return object
                }
                usleep(50_000)
            } while Subprocess.monotonicSeconds() < deadline
            return nil
        }
    }
}

/// The machine-wide journald lock is waited for with a deadline: a test run that holds it
/// (or a stuck one) makes another fail with a clear error, never hang.
@Suite("Bounded waits in the test support")
struct JournaldLockTests {
    @Test func aHeldLockIsGivenUpOnAfterTheDeadline() throws {
        let path = "/tmp/crampd-journald-lock-test-\(getpid())"
        let holder = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
        let waiter = open(path, O_RDONLY | O_CLOEXEC)
        defer { close(holder); close(waiter); unlink(path) }
        try #require(holder >= 0 && waiter >= 0)
        #expect(flock(holder, LOCK_EX) == 0)
        let started = Subprocess.monotonicSeconds()
        #expect(!Journald.lockWithin(waiter, seconds: 0.3))
        let waited = Subprocess.monotonicSeconds() - started
        #expect(waited >= 0.3 && waited < 2)
        flock(holder, LOCK_UN)
        #expect(Journald.lockWithin(waiter, seconds: 0.3))
    }

    /// A child that closes its output and keeps running is killed at the deadline, not waited for.
    @Test func aChildThatOutlivesItsOutputIsNotWaitedForPastTheDeadline() {
        let started = Subprocess.monotonicSeconds()
        #expect(throws: (any Error).self) { try Subprocess.run(["/bin/sh", "-c", "exec >&-; sleep 30"], timeoutSeconds: 0.5) }
        #expect(Subprocess.monotonicSeconds() - started < 5)
    }
}
