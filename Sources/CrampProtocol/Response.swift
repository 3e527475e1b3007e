import CrampCore
import FoundationEssentials

/// What a handler answers: a typed result, or an error with a stable code.
public enum Response: Sendable, Equatable {
    case ok(ControlResult)
    case error(ControlError)
}

/// The typed result of a successful request; which case depends on the command (see `Command`).
public enum ControlResult: Sendable, Equatable {
    /// For `status`.
    case status(StatusResult)
    /// For `list`.
    case reminders(ReminderList)
    /// For `next`.
    case upcoming(UpcomingList)
    /// For `show`.
    case reminder(ReminderDetail)
    /// For every command that changes something: done, snooze, skip, trigger, pause, resume,
    /// set, add, remove, reset, reload.
    case action(ActionResult)
    /// For `drink`, `take`, `cramp`, `undo`.
    case diary(DiaryChange)
    /// For `today`.
    case today(TodaySummary)
    /// For `stats`.
    case stats(DiaryStats)
    /// For `export`.
    case export(DiaryExportResult)
    /// For `report`.
    case report(DiaryReport)
    /// For `import`.
    case imported(ImportResult)
    /// For `watch`, after its `.action`: one per event, as it happens.
    case event(WatchEvent)
    /// For `stock`.
    case stock(StockResult)

    /// The wire name: the single key inside `"ok"`.
    public var name: String {
        switch self {
        case .status: "status"
        case .reminders: "reminders"
        case .upcoming: "upcoming"
        case .reminder: "reminder"
        case .action: "action"
        case .diary: "diary"
        case .today: "today"
        case .stats: "stats"
        case .export: "export"
        case .report: "report"
        case .imported: "import"
        case .event: "event"
        case .stock: "stock"
        }
    }
}

/// `stock`: every supply, and what a count change did.
public struct StockResult: Sendable, Equatable, Codable {
    /// After `stock ELECTROLYTE UNITS`: "Set magnesium to 90 units."
    public var summary: String?
    /// In the order of `Electrolyte.allCases`.
    public var supplies: [SupplyStatus]
    public init(summary: String? = nil, supplies: [SupplyStatus]) { self.summary = summary; self.supplies = supplies }
}

/// One response line: `{"id":7,"ok":{"action":{…}},"version":1}` or
/// `{"error":{"code":"not-found","message":"…"},"id":7,"version":1}`.
public struct ResponseMessage: Sendable, Equatable {
    /// The request's id; nil when the request was too broken to carry one.
    public var id: Int?
    public var response: Response

    public init(id: Int?, response: Response) { self.id = id; self.response = response }

    /// The message as one line, newline included.
    public func encodedLine() -> [UInt8] { WireCoding.line(self) }

    /// Decodes one response line (without its newline).
    public init(line: some Collection<UInt8>) throws(ControlError) {
        if StrictJSON.problem(in: line) == StrictJSON.tooDeep {
            throw ControlError(.badRequest, "Failed to read the daemon's response: \(StrictJSON.tooDeep)")
        }
        do {
            self = try WireCoding.decoder.decode(ResponseMessage.self, from: Data(line))
        } catch let error as DecodingError {
            throw ControlError(.badRequest, "Failed to read the daemon's response: \(WireCoding.describe(error))")
        } catch {
            throw ControlError(.badRequest, "Failed to read the daemon's response: \(error)")
        }
    }
}

extension ResponseMessage: Codable {
    enum Field: String, CodingKey { case version, id, ok, error }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Field.self)
        try c.encode(ControlProtocol.current, forKey: .version)
        try c.encode(id, forKey: .id)  // null when unknown: the key is always there
        switch response {
        case .ok(let result): try c.encode(result, forKey: .ok)
        case .error(let error): try c.encode(error, forKey: .error)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Field.self)
        let version = try c.decode(Int.self, forKey: .version)
        guard version == ControlProtocol.current else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: c,
                debugDescription: "protocol version \(version), expected \(ControlProtocol.current)")
        }
        id = try c.decodeIfPresent(Int.self, forKey: .id)
        if let error = try c.decodeIfPresent(ControlError.self, forKey: .error) {
            response = .error(error)
        } else {
            response = .ok(try c.decode(ControlResult.self, forKey: .ok))
        }
    }
}

extension ControlResult: Codable {
    enum Kind: String, CodingKey { case status, reminders, upcoming, reminder, action, diary, today, stats, export, report, imported = "import", event, stock }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Kind.self)
        switch self {
        case .status(let r): try c.encode(r, forKey: .status)
        case .reminders(let r): try c.encode(r, forKey: .reminders)
        case .upcoming(let r): try c.encode(r, forKey: .upcoming)
        case .reminder(let r): try c.encode(r, forKey: .reminder)
        case .action(let r): try c.encode(r, forKey: .action)
        case .diary(let r): try c.encode(r, forKey: .diary)
        case .today(let r): try c.encode(r, forKey: .today)
        case .stats(let r): try c.encode(r, forKey: .stats)
        case .export(let r): try c.encode(r, forKey: .export)
        case .report(let r): try c.encode(r, forKey: .report)
        case .imported(let r): try c.encode(r, forKey: .imported)
        case .event(let r): try c.encode(r, forKey: .event)
        case .stock(let r): try c.encode(r, forKey: .stock)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Kind.self)
        guard let kind = c.allKeys.first, c.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "expected one result kind (\"status\", \"reminders\", …)"))
        }
        switch kind {
        case .status: self = .status(try c.decode(StatusResult.self, forKey: .status))
        case .reminders: self = .reminders(try c.decode(ReminderList.self, forKey: .reminders))
        case .upcoming: self = .upcoming(try c.decode(UpcomingList.self, forKey: .upcoming))
        case .reminder: self = .reminder(try c.decode(ReminderDetail.self, forKey: .reminder))
        case .action: self = .action(try c.decode(ActionResult.self, forKey: .action))
        case .diary: self = .diary(try c.decode(DiaryChange.self, forKey: .diary))
        case .today: self = .today(try c.decode(TodaySummary.self, forKey: .today))
        case .stats: self = .stats(try c.decode(DiaryStats.self, forKey: .stats))
        case .export: self = .export(try c.decode(DiaryExportResult.self, forKey: .export))
        case .report: self = .report(try c.decode(DiaryReport.self, forKey: .report))
        case .imported: self = .imported(try c.decode(ImportResult.self, forKey: .imported))
        case .event: self = .event(try c.decode(WatchEvent.self, forKey: .event))
        case .stock: self = .stock(try c.decode(StockResult.self, forKey: .stock))
        }
    }

    /// Just the result object, for `crampd ctl … --json`: stable, one line.
    public func encodedJSON() -> [UInt8] {
        switch self {
        case .status(let r): WireCoding.line(r)
        case .reminders(let r): WireCoding.line(r)
        case .upcoming(let r): WireCoding.line(r)
        case .reminder(let r): WireCoding.line(r)
        case .action(let r): WireCoding.line(r)
        case .diary(let r): WireCoding.line(r)
        case .today(let r): WireCoding.line(r)
        case .stats(let r): WireCoding.line(r)
        // `export --json` prints the document itself: what a doctor's tool or jq reads.
        case .export(let r): r.document.map { WireCoding.line($0) } ?? WireCoding.line(r)
        case .report(let r): WireCoding.line(r)
        case .imported(let r): WireCoding.line(r)
        case .event(let r): WireCoding.line(r)
        case .stock(let r): WireCoding.line(r)
        }
    }
}
