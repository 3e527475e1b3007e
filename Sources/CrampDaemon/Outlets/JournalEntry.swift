import Systemd

extension JournalPriority {
    /// The word printed on a terminal, as syslog names the level.
    var label: String {
        ["emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"][Int(rawValue)]
    }
}

/// One structured journal entry, before it is written anywhere.
public struct JournalEntry: Sendable {
    public var message: String
    public var priority: JournalPriority
    /// Explained in systemd/crampd.catalog for `journalctl -x`.
    public var messageID: JournalMessageID?
    /// Extra fields, names upper case (`CRAMPD_REMINDER`, …).
    public var fields: [(name: String, value: String)]

    public init(message: String, priority: JournalPriority, messageID: JournalMessageID? = nil, fields: [(name: String, value: String)] = []) {
        self.message = message
        self.priority = priority
        self.messageID = messageID
        self.fields = fields
    }

    /// Every field as the journal receives it, MESSAGE first.
    var journalFields: [(name: String, value: String)] {
        var all: [(name: String, value: String)] = [
            ("MESSAGE", message),
            priority.field,
            ("SYSLOG_IDENTIFIER", "crampd"),
        ]
        if let messageID { all.append(messageID.field) }
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
