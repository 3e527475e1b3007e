import CrampProtocol

/// `crampd ctl VERB [WORD…] [--json] [--socket PATH]` read without argument-parser.
///
/// Why: argument-parser's first parse costs about 10 M instructions in this static binary
/// (the Swift runtime scans every protocol conformance record for its casts), three times
/// the whole round trip to the daemon; with it `crampd ctl status` took 2.4× as long as
/// `systemctl --version`. The fast path reads only the plain forms people type every day and
/// builds the command with the verb's own `command(…)` builder. Anything else (help, an
/// option it does not know, a repeated flag, a wrong number of words, a value the builder
/// rejects) returns nil, and argument-parser parses the same words and prints its usual
/// help or error. Tests/crampdTests checks that both paths read the same words the same way.
enum CtlFastPath {
    struct Invocation: Equatable {
        var command: Command
        var flags: CtlFlags
    }

    /// `arguments` without the program name, e.g. ["ctl", "snooze", "water", "15m"].
    static func parse(_ arguments: [String]) -> Invocation? {
        guard arguments.count >= 2, arguments[0] == "ctl", let verb = verb(named: arguments[1]) else { return nil }
        var words = Words()
        var rest = arguments[2...]
        while let word = rest.popFirst() {
            if word == "--json" {
                guard !words.flags.json else { return nil }
                words.flags.json = true
            } else if word == "--runtime" && verb.takesRuntime {
                guard !words.runtime else { return nil }
                words.runtime = true
            } else if word == "--socket" || word.hasPrefix("--socket=") {
                let value = word == "--socket" ? rest.popFirst() : String(word.dropFirst("--socket=".count))
                guard words.flags.socket == nil, let value, !value.isEmpty, !startsLikeAnOption(value) else { return nil }
                words.flags.socket = value
            } else if startsLikeAnOption(word) {
                return nil
            } else {
                words.positionals.append(word)
            }
        }
        guard verb.positionals.contains(words.positionals.count),
              let command = try? verb.build(words) else { return nil }
        return Invocation(command: command, flags: words.flags)
    }

    /// `crampd ctl … --json`: a usage error is then printed as JSON too (before `--`, which ends options).
    static func wantsJSON(_ arguments: [String]) -> Bool {
        arguments.first == "ctl" && arguments.prefix(while: { $0 != "--" }).contains("--json")
    }

    /// Judged on the first byte, so "-1", "-" and "--" all go to argument-parser.
    private static func startsLikeAnOption(_ word: String) -> Bool {
        word.utf8.first == UInt8(ascii: "-")
    }

    /// The words of one invocation: its flags, and the rest in order.
    struct Words {
        var positionals: [String] = []
        var runtime = false
        var flags = CtlFlags()

        func word(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }

        /// An integer as argument-parser reads one (`Int(String)`); a bad one declines the fast path.
        func integer(_ index: Int) throws(Declined) -> Int? {
            guard let text = word(index) else { return nil }
            guard let value = Int(text) else { throw Declined() }
            return value
        }
    }

    struct Declined: Error {}

    private struct Verb {
        var positionals: ClosedRange<Int>
        var takesRuntime = false
        var build: (Words) throws -> Command
    }

    /// The verbs with their plain forms; options beyond --json, --socket and --runtime
    /// (next -n, stats --days, pause --until, drink --note, cramp --muscle, …) go to argument-parser.
    /// A switch, not a dictionary: building one costs more than this whole lookup.
    private static func verb(named name: String) -> Verb? {
        switch name {
        case "status": Verb(positionals: 0...0) { _ in .status }
        case "list": Verb(positionals: 0...0) { _ in .list }
        case "next": Verb(positionals: 0...0) { _ in try CtlNext.command(count: CtlNext.defaultCount) }
        case "show": Verb(positionals: 1...1) { try CtlShow.command(reminder: $0.positionals[0]) }
        case "done": Verb(positionals: 1...1) { try CtlDone.command(reminder: $0.positionals[0]) }
        case "snooze": Verb(positionals: 1...2) { try CtlSnooze.command(reminder: $0.positionals[0], duration: $0.word(1)) }
        case "skip": Verb(positionals: 1...2) { try CtlSkip.command(reminder: $0.positionals[0], count: try $0.integer(1)) }
        case "trigger": Verb(positionals: 1...1) { try CtlTrigger.command(reminder: $0.positionals[0]) }
        case "pause": Verb(positionals: 0...1) { try CtlPause.command(duration: $0.word(0), until: nil) }
        case "resume": Verb(positionals: 0...0) { _ in .resume }
        case "set": Verb(positionals: 2...Int.max, takesRuntime: true) {
            try CtlSet.command(reminder: $0.positionals[0], assignments: Array($0.positionals.dropFirst()), runtime: $0.runtime)
        }
        case "add": Verb(positionals: 2...Int.max, takesRuntime: true) {
            try CtlAdd.command(reminder: $0.positionals[0], assignments: Array($0.positionals.dropFirst()), runtime: $0.runtime)
        }
        case "remove": Verb(positionals: 1...1, takesRuntime: true) { try CtlRemove.command(reminder: $0.positionals[0], runtime: $0.runtime) }
        case "reset": Verb(positionals: 1...1, takesRuntime: true) { try CtlReset.command(reminder: $0.positionals[0], runtime: $0.runtime) }
        case "reload": Verb(positionals: 0...0) { _ in .reload }
        case "drink": Verb(positionals: 0...1) { try CtlDrink.command(amount: $0.word(0), note: nil) }
        case "take": Verb(positionals: 1...2) { try CtlTake.command(electrolyte: $0.positionals[0], milligrams: try $0.integer(1)) }
        case "cramp": Verb(positionals: 0...0) { _ in try CtlCramp.command(muscle: nil, severity: nil, at: nil, note: nil) }
        case "undo": Verb(positionals: 0...0) { _ in .undo }
        case "today": Verb(positionals: 0...0) { _ in try CtlToday.command(date: nil) }
        case "stats": Verb(positionals: 0...0) { _ in try CtlStats.command(days: CtlStats.defaultDays) }
        case "export": Verb(positionals: 0...0) { try CtlExport.command(csv: false, json: $0.flags.json, since: nil) }
        default: nil
        }
    }
}
