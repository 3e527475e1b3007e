import Glibc
import POSIX
import Synchronization
import Systemd

/// Writes entries to the systemd journal, and readable lines to stderr where someone reads it.
///
/// stderr gets every entry, reminders included, when there is no journal (no journald socket,
/// or CRAMPD_NO_JOURNAL=1), when it is a terminal (someone ran `crampd run` by hand), and when
/// it is a log file (`make install` without a user manager); never when it is the journal
/// stream systemd gave the service, which would write each entry twice.
public final class JournalWriter: @unchecked Sendable {  // immutable after init
    private let toJournal: Bool
    private let echo: Echo
    /// Set for a daemon run inside a test: entries go here, nowhere else.
    private let sink: (@Sendable (JournalEntry) -> Void)?
    /// Hears every entry that carries `CRAMPD_EVENT`, whoever wrote it (`watch`, hooks).
    private let eventObserver = Mutex<(@Sendable (JournalEntry) -> Void)?>(nil)

    /// How stderr shows entries: a terminal gets the time of day and no fields (unless
    /// `--verbose`); a log file or pipe gets the date and every field.
    enum Echo: Equatable {
        case none
        case terminal(verbose: Bool)
        case log
    }

    public init(environment: [String: String], verbose: Bool = false) {
        let allowed = environment["CRAMPD_NO_JOURNAL"].map { $0.isEmpty || $0 == "0" } ?? true
        toJournal = allowed && Journal.isAvailable
        echo = Self.echo(toJournal: toJournal, verbose: verbose, stderr: StandardError.kind(environment: environment))
        sink = nil
    }

    /// Hands every entry to `sink` instead of the journal or stderr.
    init(sink: @escaping @Sendable (JournalEntry) -> Void) {
        toJournal = false
        echo = .none
        self.sink = sink
    }

    /// Where stderr leads decides the echo; pure, for tests.
    static func echo(toJournal: Bool, verbose: Bool, stderr: StandardError.Kind) -> Echo {
        switch stderr {
        case .journalStream: toJournal ? .none : .log
        case .terminal: .terminal(verbose: verbose)
        case .file: .log
        case .other: toJournal ? .none : .log
        }
    }

    /// Every event entry written from now on is also handed to `observer`, on the writer's
    /// thread, after it was written: the one tap `watch` and hooks hang on, so an event
    /// added anywhere reaches them by carrying `CRAMPD_EVENT`. Replaces any earlier observer.
    public func observeEvents(_ observer: (@Sendable (JournalEntry) -> Void)?) {
        eventObserver.withLock { $0 = observer }
    }

    public func write(_ entry: JournalEntry) {
        defer {
            if entry.event != nil, let observer = eventObserver.withLock({ $0 }) { observer(entry) }
        }
        if let sink { return sink(entry) }
        var echo = self.echo
        if toJournal {
            do {
                try Journal.send(entry.journalFields)
            } catch {
                // The journal went away: the entry must not be lost, so say it on stderr.
                printToStderr("crampd: warning: Failed to write to the journal: \(error)")
                if echo == .none { echo = .log }
            }
        }
        var now = time(nil)
        var local = tm()
        localtime_r(&now, &local)
        switch echo {
        case .none: return
        case .terminal(let verbose): printToStderr(entry.readableLine(localTime: local, withDate: false, withFields: verbose))
        case .log: printToStderr(entry.readableLine(localTime: local, withDate: true, withFields: true))
        }
    }
}

/// What file descriptor 2 is.
enum StandardError {
    enum Kind: Equatable { case journalStream, terminal, file, other }

    /// `journalStream` when it is the stream systemd named in JOURNAL_STREAM (`DEVICE:INODE`).
    static func kind(environment: [String: String]) -> Kind {
        var info = stat()
        guard fstat(STDERR_FILENO, &info) == 0 else { return .other }
        if let stream = environment["JOURNAL_STREAM"], stream == "\(info.st_dev):\(info.st_ino)" { return .journalStream }
        if isatty(STDERR_FILENO) == 1 { return .terminal }
        return info.st_mode & S_IFMT == S_IFREG ? .file : .other
    }
}

/// One line to stderr in a single write(2), so concurrent lines never interleave.
func printToStderr(_ line: String) {
    _ = writeAll(STDERR_FILENO, Array((line + "\n").utf8))
}
