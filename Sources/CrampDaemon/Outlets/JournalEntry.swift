import Glibc
import Systemd
import TOML

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

    /// The kind of event (`CRAMPD_EVENT`: "due", "paused", …); nil for an operational message.
    public var event: String? { fields.first { $0.name == "CRAMPD_EVENT" }?.value }

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

    /// The same information as one readable line for stderr, the time first:
    /// `19:20:01 crampd: notice: MESSAGE` on a terminal (the fields only when `withFields`),
    /// `2026-12-06 19:20:01 crampd: notice: MESSAGE [CRAMPD_X=…]` in a log file.
    /// Control characters are escaped, so a config file cannot drive the terminal.
    func readableLine(localTime: tm, withDate: Bool, withFields: Bool) -> String {
        var line = Self.timestamp(localTime, withDate: withDate) + " crampd: \(priority.label): \(message.escapingControlCharacters)"
        let shown = fields.filter { !$0.value.isEmpty }
        if withFields && !shown.isEmpty {
            line += " [" + shown.map { "\($0.name)=\($0.value.escapingControlCharacters)" }.joined(separator: " ") + "]"
        }
        return line
    }

    /// `HH:MM:SS`, after `YYYY-MM-DD ` when `withDate`.
    static func timestamp(_ t: tm, withDate: Bool) -> String {
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let time = "\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec))"
        return withDate ? "\(t.tm_year + 1900)-\(two(t.tm_mon + 1))-\(two(t.tm_mday)) " + time : time
    }
}
