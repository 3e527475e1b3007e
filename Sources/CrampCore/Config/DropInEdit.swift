import TOML

/// `crampd ctl set/add/remove/reset` as pure edits of the ctl drop-in (`config.d/50-crampd-ctl.toml`).
///
/// The caller reads the current drop-in, applies the edit, then checks the whole merged config
/// with the new drop-in in place (`ConfigLoader.load`) and writes it (`TOML.write`) only when
/// that passes, so a bad value never reaches the file.
///
/// - `set ID KEY=VALUE…` changes keys of an existing reminder (one table per id in the drop-in).
///   Setting another schedule kind (`at=` on an `every` reminder) replaces the schedule, like
///   any drop-in does.
/// - `add ID KEY=VALUE…` defines a new reminder in the drop-in.
/// - `remove ID` deletes a reminder: one the drop-in added is taken out of it; one defined by
///   another file gets `removed = true` (a marker, not `enabled = false`: a removed reminder is
///   no longer listed; `enabled = false` keeps it listed and switchable).
/// - `reset ID` drops every change the drop-in holds for ID, back to the other files.
public enum DropInEdit: Sendable, Equatable {
    case set(id: String, assignments: [String])
    case add(id: String, assignments: [String])
    case remove(id: String)
    case reset(id: String)

    /// Applies the edit to `dropIn`. `definedElsewhere`: the reminder ids the other config files
    /// define (see `ConfigLoader.reminderIDs(in:)`).
    public func apply(to dropIn: TOMLTable, definedElsewhere: Set<String>) -> Result<TOMLTable, DropInEditError> {
        var reminders = Self.reminderTables(of: dropIn)
        let index = reminders.firstIndex { Self.id(of: $0) == id }
        let removedHere = index.map { reminders[$0]["removed"]?.value == .bool(true) } ?? false
        let exists = (definedElsewhere.contains(id) || index != nil) && !removedHere
        let existing = definedElsewhere.union(reminders.compactMap(Self.id(of:))).sorted()

        switch self {
        case .set(_, let assignments):
            guard exists else {
                return .failure(DropInEditError("no reminder \"\(id)\"" + DidYouMean.hint(for: id, among: existing)
                                                + "; to create it: crampd ctl add \(id) KEY=VALUE…", kind: .unknownReminder))
            }
            var table = index.map { reminders[$0] } ?? Self.newTable(id: id)
            if case .failure(let error) = Self.assign(assignments, to: &table) { return .failure(error) }
            if let index { reminders[index] = table } else { reminders.append(table) }
        case .add(_, let assignments):
            guard ConfigMerge.isValidID(id) else {
                return .failure(DropInEditError("expected an id of letters, digits, \"-\" and \"_\", got \"\(id)\""))
            }
            if removedHere { return .failure(DropInEditError("reminder \"\(id)\" was removed; bring it back with: crampd ctl reset \(id)")) }
            guard !exists else { return .failure(DropInEditError("reminder \"\(id)\" already exists; change it with: crampd ctl set \(id) KEY=VALUE…")) }
            var table = Self.newTable(id: id)
            if case .failure(let error) = Self.assign(assignments, to: &table) { return .failure(error) }
            reminders.append(table)
        case .remove:
            guard exists else {
                return .failure(DropInEditError("no reminder \"\(id)\"" + DidYouMean.hint(for: id, among: existing), kind: .unknownReminder))
            }
            if let index { reminders.remove(at: index) }
            if definedElsewhere.contains(id) {
                var table = Self.newTable(id: id)
                table["removed"] = TOMLNode(.bool(true))
                reminders.append(table)
            }
        case .reset:
            guard let index else { return .failure(DropInEditError("no changes to reset for reminder \"\(id)\"")) }
            reminders.remove(at: index)
        }
        var result = dropIn
        result["reminder"] = reminders.isEmpty ? nil : TOMLNode(.array(reminders.map { TOMLNode(.table($0)) }))
        return .success(result)
    }

    public var id: String {
        switch self {
        case .set(let id, _), .add(let id, _), .remove(let id), .reset(let id): id
        }
    }

    // MARK: Assignments

    /// Parses `KEY=VALUE` by the key's type and sets it.
    static func assign(_ assignments: [String], to table: inout TOMLTable) -> Result<Void, DropInEditError> {
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                return .failure(DropInEditError("expected KEY=VALUE, got \"\(assignment)\""))
            }
            let key = String(assignment[..<equals]), text = String(assignment[assignment.index(after: equals)...])
            guard editableKeys.contains(key) else {
                return .failure(DropInEditError("unknown key \"\(key)\"" + (DidYouMean.closest(to: key, among: editableKeys).map { "; did you mean \"\($0)\"?" }
                                                ?? " (known: \(editableKeys.joined(separator: ", ")))")))
            }
            let value: TOMLValue
            switch parseValue(key: key, text) {
            case .success(let parsed): value = parsed
            case .failure(let error): return .failure(error)
            }
            // A new kind replaces the schedule: drop the other kinds and what the new one cannot use,
            // keep what it can (days set earlier stay with `at`).
            if ConfigKeys.scheduleKinds.contains(key), table[key] == nil {
                let keep = ConfigKeys.scheduleCompanions[key, default: []]
                for old in ConfigKeys.scheduleKeys where old != key && !keep.contains(old) { table[old] = nil }
            }
            table[key] = TOMLNode(value)
        }
        return .success(())
    }

    /// The keys `set` and `add` accept: every reminder key but `id` and `removed`.
    public static let editableKeys = ConfigKeys.reminder.map(\.name).filter { $0 != "id" && $0 != "removed" }

    /// `between`, `at` and `days` take comma-separated lists; `amount` and `repeat_max` a number;
    /// `enabled`, `urgent` and `pace` true or false; the rest text.
    /// A value in TOML form is read as TOML: `at=["10:30", "16:00"]`, `message="Hi, there"`.
    static func parseValue(key: String, _ text: String) -> Result<TOMLValue, DropInEditError> {
        if text.hasPrefix("[") || text.hasPrefix("\"") {
            guard let value = (try? TOML.parse("v = " + text))?["v"]?.value else {
                return .failure(DropInEditError("expected a TOML value like [\"10:30\", \"16:00\"] for \"\(key)\", got \(text)"))
            }
            return .success(value)
        }
        switch key {
        case "between", "at", "days":
            let items = text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false)
                .map { TOMLNode(.string(String($0).trimmingSpaces())) }
            return .success(.array(items))
        case "amount", "repeat_max":
            guard let number = Int64(text) else { return .failure(DropInEditError("expected a whole number for \"\(key)\", got \"\(text)\"")) }
            return .success(.integer(number))
        case "enabled", "urgent", "pace":
            guard let flag = Bool(text) else { return .failure(DropInEditError("expected true or false for \"\(key)\", got \"\(text)\"")) }
            return .success(.bool(flag))
        default:
            return .success(.string(text))
        }
    }

    // MARK: Errors in the user's words

    /// A config error found in the drop-in this edit wrote, said about the argument the user
    /// typed (`every=soon: expected a duration …`) rather than a line of a file they never wrote;
    /// nil when the error is not about one of this edit's assignments.
    public func describe(_ diagnostic: ConfigDiagnostic, in dropIn: SourceText) -> String? {
        guard diagnostic.source == dropIn.name else { return nil }
        let assignments: [String]
        switch self {
        case .set(_, let list), .add(_, let list): assignments = list
        case .remove, .reset: return nil
        }
        let line = dropIn.line(containing: diagnostic.offset)
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let key = String(line[..<equals]).trimmingSpaces()
        guard let typed = assignments.last(where: { $0.hasPrefix(key + "=") }) else { return nil }
        return "\(typed): \(diagnostic.message)"
    }

    // MARK: Drop-in tables

    /// The reminders a ctl drop-in changes (sets, adds or removes): what `reset` can undo.
    public static func changedReminderIDs(in dropIn: TOMLTable) -> Set<String> {
        Set(reminderTables(of: dropIn).compactMap(id(of:)))
    }

    static func reminderTables(of dropIn: TOMLTable) -> [TOMLTable] {
        guard case .array(let elements)? = dropIn["reminder"]?.value else { return [] }
        return elements.compactMap { if case .table(let table) = $0.value { table } else { nil } }
    }

    static func id(of table: TOMLTable) -> String? {
        if case .string(let id)? = table["id"]?.value { id } else { nil }
    }

    static func newTable(id: String) -> TOMLTable {
        var table = TOMLTable()
        table["id"] = TOMLNode(.string(id))
        return table
    }
}

/// Why a `crampd ctl` edit was refused before any file changed.
public struct DropInEditError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The edit names a reminder that does not exist (`set` or `remove` of an unknown id).
        case unknownReminder
        /// The edit itself cannot be applied: a bad id, key or value, or nothing to reset.
        case refused
    }

    public var kind: Kind
    public var message: String
    public init(_ message: String, kind: Kind = .refused) { self.kind = kind; self.message = message }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
