import Glibc

/// Whether standard output is a terminal, and how wide: the diary's charts are drawn only there.
enum TerminalWidth {
    /// nil when standard output is not a terminal; else its width (TIOCGWINSZ, then $COLUMNS, then 80).
    static func ofStandardOutput() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        return 80
    }
}
