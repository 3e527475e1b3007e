import Glibc
import Systemd

/// Writes entries to the systemd journal, or readable to stderr where there is no journal.
///
/// When stderr is a terminal (someone ran `crampd run` by hand) entries are
/// echoed there too, so the person sees what the journal gets.
public final class JournalWriter: @unchecked Sendable {
    private let toJournal: Bool
    private let toTerminal: Bool
    /// Set for a daemon run inside a test: entries go here, nowhere else.
    private let sink: (@Sendable (JournalEntry) -> Void)?

    public init(environment: [String: String]) {
        toJournal = environment["CRAMPD_NO_JOURNAL"] == nil && Journal.isAvailable
        toTerminal = !toJournal || (isatty(STDERR_FILENO) == 1 && environment["JOURNAL_STREAM"] == nil)
        sink = nil
    }

    /// Hands every entry to `sink` instead of the journal or the terminal.
    init(sink: @escaping @Sendable (JournalEntry) -> Void) {
        toJournal = false
        toTerminal = false
        self.sink = sink
    }

    public func write(_ entry: JournalEntry) {
        if let sink { return sink(entry) }
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
    let bytes = Array((line + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        offset += n
    }
}
