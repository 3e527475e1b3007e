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

    /// Every problem, one after the other: system errors first, then
    /// `path:line:column: message` with the source line and a caret.
    public func rendered() -> String {
        (systemErrors + (diagnostics.isEmpty ? [] : [ConfigDiagnostic.render(diagnostics, sources: sources)]))
            .joined(separator: "\n")
    }

    /// Each problem on its own, rendered like `rendered()` does (for `crampd ctl status` and `reload`).
    /// `describe` may word a diagnostic its own way (nil: the usual location, line and caret).
    public func renderedEach(describing describe: (ConfigDiagnostic) -> String? = { _ in nil }) -> [String] {
        systemErrors + ConfigDiagnostic.sorted(diagnostics, sourceOrder: sources.map(\.name)).map { describe($0) ?? $0.rendered(in: sources) }
    }

    /// "1 error" / "3 errors".
    public var countText: String {
        let count = diagnostics.count + systemErrors.count
        return count == 1 ? "1 error" : "\(count) errors"
    }
}
