import Logging
import Systemd

/// swift-log's handler for crampd: operational messages go to the journal
/// (or stderr) at the matching syslog priority, metadata as CRAMPD_* fields.
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let writer: JournalWriter

    public init(writer: JournalWriter) { self.writer = writer }

    /// Metadata under this key becomes the entry's MESSAGE_ID instead of a CRAMPD_ field.
    public static let messageIDKey = "MESSAGE_ID"

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        var fields: [(name: String, value: String)] = []
        var messageID: JournalMessageID?
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            if key == Self.messageIDKey { messageID = JournalMessageID(rawValue: "\(value)"); continue }
            fields.append((Self.fieldName(key), "\(value)"))
        }
        writer.write(JournalEntry(message: "\(event.message)", priority: Self.priority(event.level),
                                  messageID: messageID, fields: fields))
    }

    static func priority(_ level: Logger.Level) -> JournalPriority {
        switch level {
        case .trace, .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }

    /// `reminder` → `CRAMPD_REMINDER`; journal field names are upper case.
    static func fieldName(_ key: String) -> String {
        let cleaned = key.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return "CRAMPD_" + String(cleaned)
    }
}
