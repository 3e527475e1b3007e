import TOML

/// The config files merged into one document, before values are checked.
///
/// Rules (systemd style, files applied in order: the base, then drop-ins in lexical order):
/// - `[daemon]` and `[goals]`: a later file's key replaces the earlier value, key by key
///   (an array replaces the whole array).
/// - `[[reminder]]` with a new `id`: adds a reminder (reminders keep the order of first definition).
/// - `[[reminder]]` with an existing `id`: changes only the keys it sets, except the schedule:
///   setting `every`, `at` or `calendar` when the reminder has a different one switches the
///   schedule, dropping all earlier schedule keys (`every`, `between`, `days`, `anchor`, `at`,
///   `calendar`); setting the same kind keeps its companions (`every = "30m"` keeps `between`).
/// - `removed = true` (with only `id`) deletes the reminder defined so far; a later file may
///   define it afresh. Removing an id no earlier file defines does nothing, so a drop-in stays
///   valid when the base changes.
/// - Within one file an id may appear only once.
public struct MergedDocument: Sendable, Equatable {
    public var daemon = LocatedTable()
    public var goals = LocatedTable()
    public var reminders: [MergedReminder] = []
    /// `[[hook]]` tables of every file, in file order: a drop-in adds hooks, never changes one.
    public var hooks: [LocatedTable] = []
    /// `[supply.<electrolyte>]`, key by key like `[goals]`.
    public var supplies: [Electrolyte: LocatedTable] = [:]
    /// Reminders left out because their id was already used in the same file;
    /// still checked so that their own mistakes show up in the same run.
    public var duplicates: [MergedReminder] = []
    /// Overrides in a ctl drop-in of reminders no earlier file defines (any more): left out,
    /// so a ctl change never breaks a later start; each is a warning saying how to clear it.
    public var leftovers: [ConfigDiagnostic] = []

    public init() {}
}

public struct MergedReminder: Sendable, Equatable {
    public var id: String
    /// The `id` entry of the file that first defined it (the place messages about the whole reminder point at).
    public var idEntry: LocatedEntry
    public var table: LocatedTable
    /// True when a drop-in, not the base, defined it first.
    public var definedInDropIn: Bool
}

public enum ConfigMerge {
    /// One parsed file: its text (for messages) and its top-level table.
    public struct File: Sendable {
        public var source: SourceText
        public var table: TOMLTable
        public var name: String { source.name }
        public init(source: SourceText, table: TOMLTable) { self.source = source; self.table = table }
    }

    /// The drop-in `crampd ctl set/add/remove/reset` writes, in config.d and in the runtime config.d.
    public static let ctlDropInName = "50-crampd-ctl.toml"

    /// The document while files are merged: reminders by id in a dictionary, removed ones
    /// as holes, so each `[[reminder]]` costs the same however many came before.
    struct Builder {
        var document = MergedDocument()
        var slots: [MergedReminder?] = []
        var slotByID: [String: Int] = [:]

        func reminder(_ id: String) -> MergedReminder? { slotByID[id].flatMap { slots[$0] } }

        mutating func put(_ reminder: MergedReminder) {
            if let slot = slotByID[reminder.id] { slots[slot] = reminder }
            else { slotByID[reminder.id] = slots.count; slots.append(reminder) }
        }

        mutating func remove(_ id: String) {
            if let slot = slotByID.removeValue(forKey: id) { slots[slot] = nil }
        }

        func finished() -> MergedDocument {
            var document = document
            document.reminders = slots.compactMap { $0 }
            return document
        }
    }

    /// Merges `files` in order (the first is the base); structural problems go to `diagnostics`.
    public static func merge(_ files: [File], diagnostics: inout [ConfigDiagnostic]) -> MergedDocument {
        var builder = Builder()
        for (index, file) in files.enumerated() {
            apply(file, isDropIn: index > 0, to: &builder, diagnostics: &diagnostics)
        }
        return builder.finished()
    }

    static func apply(_ file: File, isDropIn: Bool, to builder: inout Builder, diagnostics: inout [ConfigDiagnostic]) {
        func report(_ offset: Int, _ message: String) { diagnostics.add(file.name, offset, message) }
        var idsInThisFile: [String: LocatedEntry] = [:]

        for entry in file.table.entries {
            guard let section = ConfigSection(rawValue: entry.key) else {
                let names = ConfigSection.allCases.map(\.rawValue)
                report(entry.keyOffset, "unknown section \"\(shortened(entry.key))\"" + DidYouMean.hint(for: entry.key, among: names)
                       + " (known: [daemon], [goals], [[reminder]], [[hook]], [supply.<electrolyte>])")
                continue
            }
            switch (section, entry.node.value) {
            case (.daemon, .table(let table)):
                mergeKeys(of: table, section: .daemon, source: file.name, into: &builder.document.daemon, diagnostics: &diagnostics)
            case (.goals, .table(let table)):
                mergeKeys(of: table, section: .goals, source: file.name, into: &builder.document.goals, diagnostics: &diagnostics)
            case (.hook, .array(let elements)):
                for element in elements {
                    guard case .table(let table) = element.value else {
                        report(element.offset, "expected a table in \"hook\" (write [[hook]]), got \(element.value.typeName)")
                        continue
                    }
                    var hook = LocatedTable()
                    mergeKeys(of: table, section: .hook, source: file.name, into: &hook, diagnostics: &diagnostics)
                    hook.tableOffset = element.offset
                    hook.tableSource = file.name
                    builder.document.hooks.append(hook)
                }
            case (.reminder, .array(let elements)):
                for element in elements {
                    guard case .table(let table) = element.value else {
                        report(element.offset, "expected a table in \"reminder\" (write [[reminder]]), got \(element.value.typeName)")
                        continue
                    }
                    mergeReminder(table, at: element.offset, source: file.name, isDropIn: isDropIn,
                                  idsInThisFile: &idsInThisFile, into: &builder, diagnostics: &diagnostics)
                }
            case (.supply, .table(let table)):
                for supply in table.entries {
                    guard let electrolyte = Electrolyte(rawValue: supply.key) else {
                        report(supply.keyOffset, "unknown supply \"\(shortened(supply.key))\"" + DidYouMean.hint(for: supply.key, among: Electrolyte.allCases.map(\.rawValue))
                               + "; name an electrolyte, like [supply.magnesium]")
                        continue
                    }
                    guard case .table(let keys) = supply.node.value else {
                        report(supply.node.offset, "expected a table for \"supply.\(supply.key)\" (write [supply.\(supply.key)]), got \(supply.node.value.typeName)")
                        continue
                    }
                    mergeKeys(of: keys, section: .supply, source: file.name, into: &builder.document.supplies[electrolyte, default: LocatedTable()], diagnostics: &diagnostics)
                }
            case (.reminder, let value), (.hook, let value):
                report(entry.node.offset, "expected an array of tables for \"\(section.rawValue)\" (write \(section.heading)), got \(value.typeName)")
            case (_, let value):
                report(entry.node.offset, "expected a table for \"\(section.rawValue)\" (write \(section.heading)), got \(value.typeName)")
            }
        }
    }

    private static func mergeKeys(of table: TOMLTable, section: ConfigSection, source: String,
                                  into merged: inout LocatedTable, diagnostics: inout [ConfigDiagnostic]) {
        for entry in table.entries {
            guard section.key(entry.key) != nil else {
                diagnostics.add(source, entry.keyOffset, unknownKeyMessage(entry.key, in: section))
                continue
            }
            merged.set(LocatedEntry(key: entry.key, keyOffset: entry.keyOffset, node: entry.node, source: source))
        }
    }

    static func unknownKeyMessage(_ key: String, in section: ConfigSection) -> String {
        let names = section.keys.map(\.name)
        if let suggestion = DidYouMean.closest(to: key, among: names) {
            return "unknown key \"\(shortened(key))\" in \(section.heading); did you mean \"\(suggestion)\"?"
        }
        return "unknown key \"\(shortened(key))\" in \(section.heading) (known: \(names.joined(separator: ", ")))"
    }

    /// A name as quoted in a message: at most 64 characters, "…" where it was cut (the
    /// source line under the message shows where it is).
    static func shortened(_ name: String) -> String {
        name.unicodeScalars.count <= 64 ? name : String(String.UnicodeScalarView(name.unicodeScalars.prefix(63))) + "…"
    }

    private static func mergeReminder(_ table: TOMLTable, at tableOffset: Int, source: String, isDropIn: Bool,
                                      idsInThisFile: inout [String: LocatedEntry], into builder: inout Builder,
                                      diagnostics: inout [ConfigDiagnostic]) {
        func report(_ offset: Int, _ message: String, _ notes: [ConfigNote]) {
            diagnostics.add(source, offset, message, notes: notes)
        }
        var located: [LocatedEntry] = []
        for entry in table.entries {
            guard ConfigSection.reminder.key(entry.key) != nil else {
                report(entry.keyOffset, unknownKeyMessage(entry.key, in: .reminder), [])
                continue
            }
            located.append(LocatedEntry(key: entry.key, keyOffset: entry.keyOffset, node: entry.node, source: source))
        }
        guard let idEntry = located.first(where: { $0.key == "id" }) else {
            report(tableOffset, "[[reminder]] has no \"id\"; give it one, like id = \"water\"", [])
            return
        }
        guard case .string(let id) = idEntry.value else {
            report(idEntry.node.offset, "expected a string for \"id\", got \(idEntry.value.typeName)", [])
            return
        }
        guard isValidID(id) else {
            report(idEntry.node.offset, "expected an id of letters, digits, \"-\" and \"_\" for \"id\", got \"\(id)\"", [])
            return
        }
        if let first = idsInThisFile[id] {
            report(idEntry.node.offset, "duplicate reminder id \"\(id)\"; give each [[reminder]] its own id",
                   [ConfigNote(source: first.source, offset: first.node.offset, message: "\"\(id)\" is first defined here")])
            var table = LocatedTable()
            for entry in located where entry.key != "removed" { table.set(entry) }
            builder.document.duplicates.append(MergedReminder(id: id, idEntry: idEntry, table: table, definedInDropIn: false))
            return
        }
        idsInThisFile[id] = idEntry
        let existing = builder.reminder(id)
        // `ctl add` writes a whole reminder, kind included; anything less in a ctl drop-in is an
        // override (`ctl set`, `ctl remove`) of a reminder that another file defined once.
        if existing == nil, isCtlDropIn(source), !located.contains(where: { $0.key == "kind" }) {
            builder.document.leftovers.append(ConfigDiagnostic(
                source: source, offset: idEntry.node.offset,
                message: "warning: ignored the crampd ctl change to reminder \"\(id)\": no other config file defines it; "
                    + "clear it with: crampd ctl reset \(id)"))
            return
        }

        if let removed = located.first(where: { $0.key == "removed" }) {
            guard case .bool(let isRemoved) = removed.value else {
                report(removed.node.offset, "expected a boolean for \"removed\", got \(removed.value.typeName)", [])
                return
            }
            if isRemoved {
                if let other = located.first(where: { $0.key != "id" && $0.key != "removed" }) {
                    report(other.keyOffset, "removed = true deletes reminder \"\(id)\"; it cannot be combined with \"\(other.key)\"", [])
                    return
                }
                builder.remove(id)
                return
            }
            located.removeAll { $0.key == "removed" }
        }

        guard var reminder = existing else {
            var merged = LocatedTable()
            for entry in located { merged.set(entry) }
            builder.put(MergedReminder(id: id, idEntry: idEntry, table: merged, definedInDropIn: isDropIn))
            return
        }
        var merged = reminder.table
        let newKinds = located.filter { ConfigKeys.scheduleKinds.contains($0.key) }.map(\.key)
        if newKinds.contains(where: { !merged.has($0) }) {
            for key in ConfigKeys.scheduleKeys { merged.remove(key) }
        }
        for entry in located where entry.key != "id" { merged.set(entry) }
        reminder.table = merged
        builder.put(reminder)
    }

    /// `config.d/50-crampd-ctl.toml` or its runtime twin.
    static func isCtlDropIn(_ name: String) -> Bool { name.hasSuffix("/" + ctlDropInName) || name == ctlDropInName }

    /// Ids appear on command lines and in journal fields, so they stay plain.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
