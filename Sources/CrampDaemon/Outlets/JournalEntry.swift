/// syslog priorities as the journal's PRIORITY= field uses them.
public enum JournalPriority: Int, Sendable, Comparable {
    case emergency = 0, alert, critical, error, warning, notice, info, debug

    public static func < (a: JournalPriority, b: JournalPriority) -> Bool { a.rawValue < b.rawValue }

    var label: String {
        ["emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"][rawValue]
    }
}

/// One structured journal entry, before it is written anywhere.
public struct JournalEntry: Sendable {
    public var message: String
    public var priority: JournalPriority
    /// 32 lowercase hex digits, explained in systemd/crampd.catalog.
    public var messageID: String?
    /// Extra fields, names upper case (`CRAMPD_REMINDER`, …).
    public var fields: [(name: String, value: String)]

    public init(message: String, priority: JournalPriority, messageID: String? = nil, fields: [(name: String, value: String)] = []) {
        self.message = message
        self.priority = priority
        self.messageID = messageID
        self.fields = fields
    }

    /// Every field as the journal receives it, MESSAGE first.
    var journalFields: [(name: String, value: String)] {
        var all: [(name: String, value: String)] = [
            ("MESSAGE", message),
            ("PRIORITY", String(priority.rawValue)),
            ("SYSLOG_IDENTIFIER", "crampd"),
        ]
        if let messageID { all.append(("MESSAGE_ID", messageID)) }
        all.append(contentsOf: fields)
        return all
    }

    /// The same information for a terminal: `crampd: notice: MESSAGE [CRAMPD_X=…]`.
    var terminalLine: String {
        var line = "crampd: \(priority.label): \(message)"
        let shown = fields.filter { !$0.value.isEmpty }
        if !shown.isEmpty {
            line += " [" + shown.map { "\($0.name)=\($0.value)" }.joined(separator: " ") + "]"
        }
        return line
    }
}
