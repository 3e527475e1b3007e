import CrampCore
import CrampProtocol
import Glibc
import POSIX
import TOML

/// `crampd ctl set/add/remove/reset`: edit the ctl drop-in, check the whole
/// merged config with the edit in place, and only then write the file and
/// switch to the new config. A bad value never reaches the disk.
extension Daemon {
    func edit(_ edit: DropInEdit, runtime: Bool) -> Result<ActionResult, ControlError> {
        let location = options.configLocation
        guard let target = runtime ? location.runtimeCtlDropInPath : location.ctlDropInPath else {
            return .failure(ControlError(.badRequest, "Cannot apply a --runtime change: XDG_RUNTIME_DIR is not set"))
        }
        let sources: [SourceText]
        switch ConfigFiles.read(location) {
        case .success(let read): sources = read.sources
        case .failure(let failure):
            return .failure(ControlError(.invalidConfig, "Failed to read the config files: \(failure.countText)",
                                         details: failure.renderedEach()))
        }
        let others = sources.filter { $0.name != target }
        let current: TOMLTable
        if let existing = sources.first(where: { $0.name == target }) {
            do { current = try TOML.parse(existing.bytes) } catch {
                return .failure(ControlError(.invalidConfig, "Cannot edit \(target), it has an error; fix or remove it first",
                                             details: [error.rendered(in: existing)]))
            }
        } else {
            current = TOMLTable()
        }
        let edited: TOMLTable
        switch edit.apply(to: current, definedElsewhere: ConfigLoader.reminderIDs(in: others)) {
        case .success(let table): edited = table
        case .failure(let error):
            let code: ErrorCode = error.kind == .unknownReminder ? .notFound : .badRequest
            return .failure(ControlError(code, error.message.prefix(1).uppercased() + error.message.dropFirst()))
        }
        let text = edited.isEmpty ? nil : Self.dropInHeader + TOML.write(edited)
        let fresh: LoadedConfig
        switch ConfigFiles.read(location, replacing: target, with: text.map { Array($0.utf8) }).flatMap(ConfigFiles.load) {
        case .success(let config): fresh = config
        case .failure(let failure):
            let written = SourceText(name: target, text: text ?? "")
            let details = failure.renderedEach { edit.describe($0, in: written) }
            return .failure(ControlError(.invalidConfig, "The change would make the config invalid (\(failure.countText)); nothing was changed",
                                         details: details))
        }
        do {
            if let text {
                try FileSystem.makeDirectories(FileSystem.parentDirectory(of: target))
                try FileSystem.writeAtomically(target, Array(text.utf8), mode: 0o644)
            } else if unlink(target) != 0 && errno != ENOENT {
                throw FileSystemError(verb: "remove", path: target, code: errno)
            }
        } catch {
            return .failure(ControlError(.internal, "\(error); nothing was changed"))
        }
        let before = loaded.config.reminder(id: edit.id)
        adopt(fresh, now: clockNow())
        let after = loaded.config.reminder(id: edit.id)
        let changes = ReminderChanges.between(before, after)
        let scope = runtime ? " until crampd restarts" : ""
        let summary: String
        switch edit {
        case .set(let id, _): summary = changes.isEmpty ? "No change to \(id): it already has those values." : "Changed \(id)\(scope)."
        case .add(let id, _): summary = "Added \(id)\(scope)."
        case .remove(let id): summary = "Removed \(id)\(scope)."
        case .reset(let id): summary = "Reset \(id) to the config files\(runtime ? " (runtime changes dropped)" : "")."
        }
        logger.notice("\(([summary] + changes).joined(separator: " "))",
                      metadata: [JournalLogHandler.messageIDKey: "\(edit.messageID.rawValue)", "reminder": "\(edit.id)"])
        return .success(ActionResult(summary: summary, reminder: edit.id, changes: changes,
                                     next: nextFiring(of: edit.id), runtime: runtime))
    }

    /// `reset ID` drops every ctl change to ID, the runtime ones too; `reset ID --runtime` only those.
    /// The runtime changes go first: they may build on the saved ones, never the other way round.
    func reset(_ id: String, runtime: Bool) -> Result<ActionResult, ControlError> {
        guard !runtime, hasRuntimeChange(id) else { return edit(.reset(id: id), runtime: runtime) }
        let before = loaded.config.reminder(id: id)
        let hasSavedChange = hasChange(id, in: options.configLocation.ctlDropInPath)
        return edit(.reset(id: id), runtime: true).flatMap { droppedRuntime in
            guard hasSavedChange else { return .success(droppedRuntime) }
            switch edit(.reset(id: id), runtime: false) {
            case .failure(let error):
                return .failure(ControlError(error.code, error.message + " (its runtime changes were dropped)", details: error.details))
            case .success(var both):
                both.summary = "Reset \(id) to the config files (runtime changes dropped too)."
                both.changes = ReminderChanges.between(before, loaded.config.reminder(id: id))
                return .success(both)
            }
        }
    }

    /// Which file last defined reminder `id` (for `ctl show`).
    func definingFile(of id: String) -> String? {
        guard case .success(let found) = ConfigFiles.read(options.configLocation) else { return nil }
        return found.sources.last { ConfigLoader.reminderIDs(in: [$0]).contains(id) }?.name
    }

    func hasRuntimeChange(_ id: String) -> Bool { hasChange(id, in: options.configLocation.runtimeCtlDropInPath) }

    /// Whether the ctl drop-in at `path` holds a change to reminder `id`.
    func hasChange(_ id: String, in path: String?) -> Bool {
        guard let path, let bytes = try? FileSystem.readIfExists(path, cap: .config) else { return false }
        return DropInEdit.changedReminderIDs(in: (try? TOML.parse(bytes)) ?? TOMLTable()).contains(id)
    }

    static let dropInHeader = """
        # Written by `crampd ctl set/add/remove/reset`; undo a change with `crampd ctl reset ID`.
        # Edits here are kept, but the next `crampd ctl` change rewrites this file.

        """
}

extension DropInEdit {
    /// The journal's `MESSAGE_ID` for this kind of change.
    var messageID: JournalMessageID {
        switch self {
        case .set: .reminderChanged
        case .add: .reminderAdded
        case .remove: .reminderRemoved
        case .reset: .reminderReset
        }
    }
}

/// What a config change did to one reminder, in words: `schedule: every 45m -> every 30m`.
enum ReminderChanges {
    static func between(_ before: Reminder?, _ after: Reminder?) -> [String] {
        switch (before, after) {
        case (nil, nil): return []
        case (nil, let added?): return ["added: " + ScheduleWording.describe(added.schedule)]
        case (let removed?, nil): return ["removed: " + ScheduleWording.describe(removed.schedule)]
        case (let old?, let new?):
            var changes: [String] = []
            func note(_ name: String, _ a: String, _ b: String) { if a != b { changes.append("\(name): \(a) -> \(b)") } }
            note("schedule", ScheduleWording.describe(old.schedule), ScheduleWording.describe(new.schedule))
            note("message", old.message, new.message)
            note("amount", old.amountText ?? "none", new.amountText ?? "none")
            note("enabled", String(old.enabled), String(new.enabled))
            note("kind", old.kind.rawValue, new.kind.rawValue)
            note("electrolyte", old.electrolyte?.rawValue ?? "none", new.electrolyte?.rawValue ?? "none")
            note("catch_up", old.catchUp?.rawValue ?? "default", new.catchUp?.rawValue ?? "default")
            note("skip_if_logged_within", old.skipIfLoggedWithin.map(DurationSyntax.format) ?? "none",
                 new.skipIfLoggedWithin.map(DurationSyntax.format) ?? "none")
            return changes
        }
    }
}
