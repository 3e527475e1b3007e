import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in
import TOML

/// Loads config texts (the first is the base, named "config.toml"; drop-ins "d1.toml", "d2.toml", …).
func loadConfig(_ base: String, dropIns: [String] = []) -> Result<LoadedConfig, ConfigLoadFailure> {
    var sources = [SourceText(name: "config.toml", text: base)]
    for (index, text) in dropIns.enumerated() { sources.append(SourceText(name: "d\(index + 1).toml", text: text)) }
    return ConfigLoader.load(sources)
}

/// Every diagnostic as "file:line:column: message" (notes as "  note file:line:column: message").
func configErrors(_ base: String, dropIns: [String] = []) -> [String] {
    guard case .failure(let failure) = loadConfig(base, dropIns: dropIns) else { return [] }
    func place(_ source: String, _ offset: Int) -> String {
        guard let text = failure.sources.first(where: { $0.name == source }) else { return source }
        let (line, column) = text.lineAndColumn(of: offset)
        return "\(source):\(line):\(column)"
    }
    return failure.diagnostics.flatMap { d in
        ["\(place(d.source, d.offset)): \(d.message)"] + d.notes.map { "  note \(place($0.source, $0.offset)): \($0.message)" }
    }
}

/// The config of a text that must be valid.
func validConfig(_ base: String, dropIns: [String] = []) throws -> Config {
    switch loadConfig(base, dropIns: dropIns) {
    case .success(let loaded): return loaded.config
    case .failure(let failure): throw ConfigTestFailure(rendered: failure.rendered())
    }
}

struct ConfigTestFailure: Error, CustomStringConvertible {
    var rendered: String
    var description: String { rendered }
}

/// A reminder table with an `every` schedule, for tests about other keys.
func reminderTOML(_ extra: String, id: String = "water", kind: String = "hydration") -> String {
    """
    [[reminder]]
    id = "\(id)"
    kind = "\(kind)"
    \(extra)
    """
}
