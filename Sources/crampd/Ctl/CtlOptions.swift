import ArgumentParser

/// The options every `crampd ctl` command takes.
struct CtlOptions: ParsableArguments {
    @Flag(help: "Print the result (or the error: code and message) as one line of JSON, stable for scripts; see docs/protocol.md.")
    var json = false

    @Option(help: ArgumentHelp(
        "The daemon's control socket (default: $CRAMPD_SOCKET, else $XDG_RUNTIME_DIR/crampd/ctl.sock).",
        valueName: "path"))
    var socket: String?

    var flags: CtlFlags { CtlFlags(json: json, socket: socket) }
}

/// What every ctl command takes, as plain values: how to print, and where the daemon is.
struct CtlFlags: Equatable {
    var json = false
    var socket: String?
    /// Write the answer to this file instead of standard output (`report --output`).
    var output: String?
    /// Print only the patterns of a `report` result (`ctl patterns`).
    var patternsOnly = false
}

/// A reminder id as the config allows it (letters, digits, `-`, `_`), or a usage error.
func checkedReminderID(_ id: String) throws -> String {
    let allowed = !id.isEmpty && id.unicodeScalars.allSatisfy {
        ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || $0 == "-" || $0 == "_"
    }
    guard allowed else {
        throw ValidationError("expected a reminder id like \"water\" (letters, digits, '-', '_'), got \"\(id)\"")
    }
    return id
}

/// The arguments `set` and `add` share: a reminder, its `KEY=VALUE` changes, and `--runtime`.
struct ReminderAssignments: ParsableArguments {
    @Argument(help: "The reminder id.", completion: CtlCompletion.reminderIDs)
    var reminder: String

    @Argument(help: ArgumentHelp("One or more KEY=VALUE.", valueName: "key=value"), completion: CtlCompletion.assignmentKeys)
    var assignments: [String]

    @Flag(help: "Only until the next restart; the config files are not touched.")
    var runtime = false
}

/// The `KEY=VALUE` assignments of `set` and `add` for a valid reminder id, or a usage error;
/// the daemon validates keys and values exactly like the config, so only the shape is checked here.
func checkedAssignments(reminder: String, _ assignments: [String]) throws -> [String] {
    _ = try checkedReminderID(reminder)
    guard !assignments.isEmpty else { throw ValidationError("expected at least one KEY=VALUE, got none") }
    for assignment in assignments {
        guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
            throw ValidationError("expected KEY=VALUE like every=30m, got \"\(assignment)\"")
        }
    }
    return assignments
}
