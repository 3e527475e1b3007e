import ArgumentParser
import CrampCore
import CrampDaemon
import CrampProtocol

/// Shell completion of crampd's own words. Reminder ids come from the running daemon
/// (`list`, within `timeoutMilliseconds`); without a daemon there are none, silently, as a
/// completion must never print an error or make the shell wait.
enum CtlCompletion {
    static let timeoutMilliseconds = 300

    /// The ids of the running daemon's reminders that start with what is typed.
    static let reminderIDs = CompletionKind.custom { words, _, prefix in reminders(words: words, prefix: prefix) }

    /// `take`: the electrolytes, and the ids of electrolyte reminders (which stand for theirs).
    static let electrolytes = CompletionKind.custom { words, _, prefix in
        let names = Electrolyte.allCases.map(\.rawValue)
        return (names + reminders(words: words, prefix: prefix, kind: "electrolyte").filter { !names.contains($0) })
            .filter { $0.hasPrefix(prefix) }
    }

    /// `set`/`add`: every settable key, ready for its value.
    static let assignmentKeys = CompletionKind.list(DropInEdit.editableKeys.map { $0 + "=" })

    static func reminders(words: [String], prefix: String, kind: String? = nil) -> [String] {
        guard let path = socketPath(words: words),
              let answer = try? ControlClient(path: path, timeoutMilliseconds: timeoutMilliseconds, retryWhenBusy: false)
                  .send(Request(id: 1, command: .list)),
              case .ok(.reminders(let list)) = answer.response else { return [] }
        return list.reminders.filter { kind == nil || $0.kind == kind }.map(\.id).filter { $0.hasPrefix(prefix) }
    }

    /// `--socket PATH` (or `--socket=PATH`) among the words typed so far, else the default.
    static func socketPath(words: [String]) -> String? {
        for (i, word) in words.enumerated() {
            if word == "--socket", i + 1 < words.count { return words[i + 1] }
            if word.hasPrefix("--socket=") { return String(word.dropFirst("--socket=".count)) }
        }
        return try? ControlSocket.clientPath(environment: ProcessEnvironment.current)
    }
}
