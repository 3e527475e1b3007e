import TOML

/// `[[hook]]`: checks one table and builds a `Hook`; every problem located.
enum HookSchema {
    static func read(_ table: LocatedTable, index: Int, _ reader: inout ValueReader) -> Hook? {
        let errorsBefore = reader.diagnostics.count
        func missing(_ message: String) { reader.diagnostics.add(table.tableSource, table.tableOffset, message) }

        var events: [String] = []
        if let entry = table["on"], let names = reader.strings(entry, emptyMessage: "empty \"on\"; name the events that run the hook, like on = [\"due\"]") {
            for (name, offset) in names {
                if Hook.events.contains(name) { if !events.contains(name) { events.append(name) }; continue }
                reader.diagnostics.add(entry.source, offset, "unknown event \"\(ConfigMerge.shortened(name))\" in \"on\""
                    + (DidYouMean.closest(to: name, among: Hook.events).map { "; did you mean \"\($0)\"?" }
                       ?? " (known: \(Hook.events.joined(separator: ", ")))"))
            }
        } else if table["on"] == nil {
            missing("[[hook]] has no \"on\"; name the events that run it, like on = [\"due\", \"missed\"]")
        }

        var exec: [String] = []
        if let entry = table["exec"] {
            if case .array(let elements) = entry.value, elements.isEmpty {
                reader.fail(entry, "empty \"exec\"; give the program and its arguments, like exec = [\"notify-send\", \"{message}\"]")
            } else if case .string = entry.value {
                reader.fail(entry, "expected an array of strings for \"exec\" (it runs without a shell), got a string; write exec = [\"program\", \"argument\"]")
            } else if let arguments = reader.strings(entry, emptyMessage: nil) {
                for (i, (argument, offset)) in arguments.enumerated() {
                    if i == 0 && argument.isEmpty { reader.diagnostics.add(entry.source, offset, "empty program name in \"exec\"") }
                    if let problem = HookCommand.check(argument) { reader.diagnostics.add(entry.source, offset, problem.message) }
                    exec.append(argument)
                }
            }
        } else {
            missing("[[hook]] has no \"exec\"; give the program to run, like exec = [\"notify-send\", \"{message}\"]")
        }

        var timeout = Hook.defaultTimeout
        if let entry = table["timeout"], let span = reader.duration(entry, allowZero: false) {
            if span > Hook.maximumTimeout {
                reader.fail(entry, "expected a \"timeout\" up to \(DurationSyntax.format(Hook.maximumTimeout)), got \(DurationSyntax.format(span)); a hook is not a service")
            } else if span < .seconds(1) {
                reader.fail(entry, "expected a \"timeout\" of at least 1s, got \(DurationSyntax.format(span))")
            } else {
                timeout = span
            }
        }
        guard reader.diagnostics.count == errorsBefore else { return nil }
        return Hook(index: index, on: events, exec: exec, timeout: timeout)
    }
}
