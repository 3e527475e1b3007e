@testable import CrampDaemon
import Glibc
import Testing

/// What stderr shows of each journal entry, and when.
@Suite struct JournalEchoTests {
    let entry = JournalEntry(message: "Drink water\u{1B}[2J", priority: .notice,
                             fields: [("CRAMPD_REMINDER", "water"), ("CRAMPD_ELECTROLYTE", "")])
    var local: tm {
        var t = tm()
        t.tm_year = 126; t.tm_mon = 11; t.tm_mday = 6; t.tm_hour = 9; t.tm_min = 5; t.tm_sec = 7
        return t
    }

    @Test func aTerminalGetsTheTimeOfDayAndNoFieldsUnlessVerbose() {
        #expect(entry.readableLine(localTime: local, withDate: false, withFields: false) == "09:05:07 crampd: notice: Drink water\\x1B[2J")
        #expect(entry.readableLine(localTime: local, withDate: false, withFields: true) == "09:05:07 crampd: notice: Drink water\\x1B[2J [CRAMPD_REMINDER=water]")
    }

    @Test func aLogFileGetsTheDateAndEveryField() {
        #expect(entry.readableLine(localTime: local, withDate: true, withFields: true) == "2026-12-06 09:05:07 crampd: notice: Drink water\\x1B[2J [CRAMPD_REMINDER=water]")
    }

    @Test func everyEntryReachesStderrWhenThereIsNoJournal() {
        // Without a journal nothing may be lost, whatever stderr is.
        for kind in [StandardError.Kind.journalStream, .terminal, .file, .other] {
            #expect(JournalWriter.echo(toJournal: false, verbose: false, stderr: kind) != .none)
        }
        // With one: a terminal and a log file get them too; systemd's stream to the journal does not.
        #expect(JournalWriter.echo(toJournal: true, verbose: true, stderr: .terminal) == .terminal(verbose: true))
        #expect(JournalWriter.echo(toJournal: true, verbose: false, stderr: .file) == .log)
        #expect(JournalWriter.echo(toJournal: true, verbose: false, stderr: .journalStream) == .none)
        #expect(JournalWriter.echo(toJournal: true, verbose: false, stderr: .other) == .none)
    }
}
