import Glibc
import POSIX
import Systemd

/// Writes entries to the systemd journal, or readable to stderr where there is no journal.
///
/// When stderr is a terminal (someone ran `crampd run` by hand) entries are
/// echoed there too, so the person sees what the journal gets.
public final class JournalWriter: @unchecked Sendable {
    private let toJournal: Bool
    private let toTerminal: Bool

    public init(environment: [String: String]) {
        toJournal = environment["CRAMPD_NO_JOURNAL"] == nil && Journal.isAvailable
        toTerminal = !toJournal || (isatty(STDERR_FILENO) == 1 && environment["JOURNAL_STREAM"] == nil)
    }

    public func write(_ entry: JournalEntry) {
        if toJournal {
            do {
                try Journal.send(entry.journalFields)
            } catch {
                // The journal went away: the entry must not be lost, so say it on stderr.
                printToStderr("crampd: warning: Failed to write to the journal: \(error)")
                printToStderr(entry.terminalLine)
                return
            }
        }
        if toTerminal { printToStderr(entry.terminalLine) }
    }
}

/// One line to stderr in a single write(2), so concurrent lines never interleave.
func printToStderr(_ line: String) {
    _ = writeAll(STDERR_FILENO, Array((line + "\n").utf8))
}
