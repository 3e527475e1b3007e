import TOML

/// Why a config could not be loaded: problems in the files, or files that could not be read.
/// The old config stays in force; `rendered()` is what to show the person.
public struct ConfigLoadFailure: Error, Sendable {
    /// Problems with a place in a file, in file order.
    public var diagnostics: [ConfigDiagnostic]
    /// The files the diagnostics point into.
    public var sources: [SourceText]
    /// Failures without a place in a file: "Failed to read …: …".
    public var systemErrors: [String]

    public init(diagnostics: [ConfigDiagnostic] = [], sources: [SourceText] = [], systemErrors: [String] = []) {
        self.diagnostics = diagnostics; self.sources = sources; self.systemErrors = systemErrors
    }

    /// How many problems are rendered: past a screenful more say nothing new, and a file of
    /// 80,000 errors would otherwise hold a reload up while megabytes of messages are built.
    public static let renderedLimit = 100

    /// Every problem, one after the other: system errors first, then
    /// `path:line:column: message` with the source line and a caret.
    public func rendered() -> String {
        renderedEach().joined(separator: "\n")
    }

    /// Each problem on its own, rendered like `rendered()` does (for `crampd ctl status` and
    /// `reload`); past `renderedLimit`, one line says how many more there are.
    /// `describe` may word a diagnostic its own way (nil: the usual location, line and caret).
    public func renderedEach(describing describe: (ConfigDiagnostic) -> String? = { _ in nil }) -> [String] {
        let shown = ConfigDiagnostic.sorted(diagnostics, sourceOrder: sources.map(\.name)).prefix(Self.renderedLimit)
        var lines = systemErrors + ConfigDiagnostic.renderEach(Array(shown), sources: sources, describing: describe)
        if diagnostics.count > shown.count {
            lines.append("… and \(diagnostics.count - shown.count) more errors (the first \(shown.count) are shown)")
        }
        return lines
    }

    /// "1 error" / "3 errors".
    public var countText: String {
        let count = diagnostics.count + systemErrors.count
        return count == 1 ? "1 error" : "\(count) errors"
    }
}
