import CrampCore
import FoundationEssentials

// The wire form of a request is flat: the envelope (`version`, `id`, `command`,
// `keepAlive`) and the command's own fields side by side, so a request can be
// typed by hand into `socat`. Decoding happens in stages so that every failure
// maps to a stable error code: malformed JSON → bad-request, then the version
// → unsupported-version, then the command name → unknown-command, then its fields.

/// Why a request line could not be decoded, with the request id when it was readable
/// (so the error response can carry it).
public struct RequestDecodingError: Error, Sendable, Equatable {
    public var id: Int?
    public var error: ControlError
    public init(id: Int?, error: ControlError) { self.id = id; self.error = error }
}

extension Request: Encodable {
    enum Field: String, CodingKey {
        case version, id, command, keepAlive
        case reminder, count, duration, until, assignments, runtime, sample
        case milliliters, note, electrolyte, milligrams, muscle, severity, at, days, format, since, date, through, kind, units
        case batch, records, commit
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Field.self)
        try c.encode(ControlProtocol.current, forKey: .version)
        try c.encode(id, forKey: .id)
        try c.encode(command.name, forKey: .command)
        switch command {
        case .status, .list, .resume, .reload, .undo, .watch:
            break
        case .today(let date):
            try c.encodeIfPresent(date, forKey: .date)
        case .next(let count):
            try c.encode(count, forKey: .count)
        case .show(let reminder), .done(let reminder), .trigger(let reminder):
            try c.encode(reminder, forKey: .reminder)
        case .skip(let reminder, let extent):
            try c.encode(reminder, forKey: .reminder)
            switch extent {
            case .next(1): break  // what an old daemon does without a count
            case .next(let count): try c.encode(count, forKey: .count)
            case .until(let t): try c.encode(t, forKey: .until)
            }
        case .snooze(let reminder, let duration):
            try c.encode(reminder, forKey: .reminder)
            try c.encodeIfPresent(duration, forKey: .duration)
        case .pause(let length):
            switch length {
            case .indefinitely: break
            case .duration(let d): try c.encode(d, forKey: .duration)
            case .until(let t): try c.encode(t, forKey: .until)
            }
        case .set(let reminder, let assignments, let runtime), .add(let reminder, let assignments, let runtime):
            try c.encode(reminder, forKey: .reminder)
            try c.encode(assignments, forKey: .assignments)
            try c.encode(runtime, forKey: .runtime)
        case .remove(let reminder, let runtime), .reset(let reminder, let runtime):
            try c.encode(reminder, forKey: .reminder)
            try c.encode(runtime, forKey: .runtime)
        case .notifyTest(let sample):
            try c.encode(sample, forKey: .sample)
        case .drink(let milliliters, let note):
            try c.encodeIfPresent(milliliters, forKey: .milliliters)
            try c.encodeIfPresent(note, forKey: .note)
        case .take(let electrolyte, let milligrams):
            try c.encode(electrolyte, forKey: .electrolyte)
            try c.encodeIfPresent(milligrams, forKey: .milligrams)
        case .cramp(let muscle, let severity, let at, let note):
            try c.encodeIfPresent(muscle, forKey: .muscle)
            try c.encodeIfPresent(severity, forKey: .severity)
            try c.encodeIfPresent(at, forKey: .at)
            try c.encodeIfPresent(note, forKey: .note)
        case .stats(let days):
            try c.encode(days, forKey: .days)
        case .export(let format, let since, let until, let kind, let days):
            try c.encode(format, forKey: .format)
            try c.encodeIfPresent(days, forKey: .days)
            try c.encodeIfPresent(since, forKey: .since)
            try c.encodeIfPresent(until, forKey: .through)
            try c.encodeIfPresent(kind, forKey: .kind)
        case .report(let since, let until):
            try c.encode(since, forKey: .since)
            try c.encodeIfPresent(until, forKey: .through)
        case .importRecords(let batch, let records, let commit):
            try c.encode(batch, forKey: .batch)
            try c.encode(records, forKey: .records)
            try c.encode(commit, forKey: .commit)
        case .stock(let electrolyte, let units):
            try c.encodeIfPresent(electrolyte, forKey: .electrolyte)
            try c.encodeIfPresent(units, forKey: .units)
        }
        if keepAlive { try c.encode(true, forKey: .keepAlive) }
    }
}

/// Every field any command may carry; which ones are required depends on `command`.
private struct RawRequest: Decodable {
    var version: Int?
    var id: Int?
    var command: String?
    var keepAlive: Bool?
    var reminder: String?
    var count: Int?
    var duration: TimeSpan?
    var until: Instant?
    var assignments: [String]?
    var runtime: Bool?
    var sample: Bool?
    var milliliters: Int?
    var note: String?
    var electrolyte: String?
    var milligrams: Int?
    var muscle: String?
    var severity: Int?
    var at: String?
    var days: Int?
    var format: ExportFormat?
    var since: String?
    var date: String?
    var through: String?
    var kind: DiaryRecords.Kind?
    var batch: String?
    var records: [DiaryImportRecord]?
    var commit: Bool?
    var units: Int?
}

/// Only the id, read leniently so that even a request with a bad field gets its id back.
private struct RequestID: Decodable {
    var id: Int?
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Request.Field.self)
        id = try? c.decodeIfPresent(Int.self, forKey: .id)
    }
}

extension Request {
    /// Decodes one request line (without its newline).
    public init(line: some Collection<UInt8>) throws(RequestDecodingError) {
        let data = Data(line)
        if let problem = StrictJSON.problem(in: line) {
            let id = problem == StrictJSON.tooDeep ? nil : (try? WireCoding.decoder.decode(RequestID.self, from: data))?.id
            throw RequestDecodingError(id: id, error: ControlError(.badRequest, problem))
        }
        let raw: RawRequest
        do {
            raw = try WireCoding.decoder.decode(RawRequest.self, from: data)
        } catch let error as DecodingError {
            let id = (try? WireCoding.decoder.decode(RequestID.self, from: data))?.id
            throw RequestDecodingError(id: id, error: ControlError(.badRequest, WireCoding.describe(error)))
        } catch {
            throw RequestDecodingError(id: nil, error: ControlError(.badRequest, "malformed JSON: \(error)"))
        }
        func fail(_ code: ErrorCode, _ message: String) -> RequestDecodingError {
            RequestDecodingError(id: raw.id, error: ControlError(code, message))
        }
        guard let version = raw.version else { throw fail(.badRequest, "expected \"version\", got none") }
        guard version == ControlProtocol.current else {
            throw fail(.unsupportedVersion,
                       "protocol version \(version) is not supported; this crampd speaks version \(ControlProtocol.current)")
        }
        guard let id = raw.id else { throw fail(.badRequest, "expected \"id\", got none") }
        guard let name = raw.command else { throw fail(.badRequest, "expected \"command\", got none") }

        func reminder() throws(RequestDecodingError) -> String {
            guard let r = raw.reminder else { throw fail(.badRequest, "expected \"reminder\" for \"\(name)\", got none") }
            guard !r.isEmpty else { throw fail(.badRequest, "expected a reminder id for \"\(name)\", got \"\"") }
            return r
        }
        func assignments() throws(RequestDecodingError) -> [String] {
            guard let a = raw.assignments, !a.isEmpty else {
                throw fail(.badRequest, "expected \"assignments\" (KEY=VALUE strings) for \"\(name)\", got none")
            }
            return a
        }
        // The one bound of durations and instants (Instant.swift), checked as they arrive.
        func bounded(_ d: TimeSpan) throws(RequestDecodingError) -> TimeSpan {
            guard d > .zero, d <= .maximum else {
                throw fail(.badRequest, "expected \"duration\" from 1 to \(TimeSpan.maximum.microseconds) microseconds (\(DurationSyntax.format(.maximum))), got \(d.microseconds)")
            }
            return d
        }
        func bounded(_ t: Instant) throws(RequestDecodingError) -> Instant {
            guard Instant.accepted.contains(t) else {
                throw fail(.badRequest, "expected \"until\" from 0 to \(Instant.accepted.upperBound.microseconds) microseconds since 1970 (up to the year 9999), got \(t.microseconds)")
            }
            return t
        }
        let runtime = raw.runtime ?? false

        let command: Command
        switch name {
        case "status": command = .status
        case "list": command = .list
        case "next":
            let count = raw.count ?? 1
            guard (1...Command.maxNextCount).contains(count) else {
                throw fail(.badRequest, "expected \"count\" from 1 to \(Command.maxNextCount), got \(count)")
            }
            command = .next(count: count)
        case "show": command = .show(reminder: try reminder())
        case "done": command = .done(reminder: try reminder())
        case "snooze":
            let duration = try raw.duration.map { (d) throws(RequestDecodingError) in try bounded(d) }
            command = .snooze(reminder: try reminder(), duration: duration)
        case "skip":
            switch (raw.count, raw.until) {
            case (nil, nil): command = .skip(reminder: try reminder())
            case (let count?, nil):
                guard (1...Command.maxSkipCount).contains(count) else {
                    throw fail(.badRequest, "expected \"count\" from 1 to \(Command.maxSkipCount), got \(count)")
                }
                command = .skip(reminder: try reminder(), .next(count))
            case (nil, let t?): command = .skip(reminder: try reminder(), .until(t))
            case (_?, _?): throw fail(.badRequest, "expected \"count\" or \"until\" for \"skip\", got both")
            }
        case "trigger": command = .trigger(reminder: try reminder())
        case "pause":
            switch (raw.duration, raw.until) {
            case (nil, nil): command = .pause(.indefinitely)
            case (let d?, nil): command = .pause(.duration(try bounded(d)))
            case (nil, let t?): command = .pause(.until(try bounded(t)))
            case (_?, _?): throw fail(.badRequest, "expected \"duration\" or \"until\" for \"pause\", got both")
            }
        case "resume": command = .resume
        case "set": command = .set(reminder: try reminder(), assignments: try assignments(), runtime: runtime)
        case "add": command = .add(reminder: try reminder(), assignments: try assignments(), runtime: runtime)
        case "remove": command = .remove(reminder: try reminder(), runtime: runtime)
        case "reset": command = .reset(reminder: try reminder(), runtime: runtime)
        case "reload": command = .reload
        case "notify-test": command = .notifyTest(sample: raw.sample ?? true)
        case "watch": command = .watch
        case "drink", "take", "cramp", "undo", "today", "stats", "export", "report", "import", "stock":
            command = try Self.diaryCommand(name, raw, fail)
        default:
            throw fail(.unknownCommand, "unknown command \"\(name)\"; known: \(Command.names.joined(separator: ", "))")
        }
        self.init(id: id, command: command, keepAlive: raw.keepAlive ?? false)
    }

    /// The diary verbs: only the shape is checked here; the daemon validates amounts and
    /// names like any input and answers `invalid-argument`.
    private static func diaryCommand(_ name: String, _ raw: RawRequest,
                                     _ fail: (ErrorCode, String) -> RequestDecodingError) throws(RequestDecodingError) -> Command {
        switch name {
        case "drink": return .drink(milliliters: raw.milliliters, note: raw.note)
        case "take":
            guard let electrolyte = raw.electrolyte, !electrolyte.isEmpty else {
                throw fail(.badRequest, "expected \"electrolyte\" for \"take\", got none")
            }
            return .take(electrolyte: electrolyte, milligrams: raw.milligrams)
        case "cramp": return .cramp(muscle: raw.muscle, severity: raw.severity, at: raw.at, note: raw.note)
        case "undo": return .undo
        case "today": return .today(date: raw.date)
        case "stats":
            let days = raw.days ?? 7
            guard Command.statsDays.contains(days) else {
                throw fail(.badRequest, "expected \"days\" from 1 to \(Command.statsDays.upperBound), got \(days)")
            }
            return .stats(days: days)
        case "import":
            guard let batch = raw.batch, (1...Command.maxImportBatchToken).contains(batch.utf8.count) else {
                throw fail(.badRequest, "expected \"batch\" (a token of 1 to \(Command.maxImportBatchToken) bytes) for \"import\", got \(raw.batch.map { "\($0.utf8.count) bytes" } ?? "none")")
            }
            let records = raw.records ?? []
            guard records.count <= Command.maxImportBatch else {
                throw fail(.badRequest, "expected at most \(Command.maxImportBatch) \"records\" per request, got \(records.count)")
            }
            return .importRecords(batch: batch, records: records, commit: raw.commit ?? false)
        case "stock":
            guard (raw.electrolyte == nil) == (raw.units == nil) else {
                throw fail(.badRequest, "expected both \"electrolyte\" and \"units\" for \"stock\" (to set a count), or neither (to show)")
            }
            return .stock(electrolyte: raw.electrolyte, units: raw.units)
        case "report":
            guard let since = raw.since else { throw fail(.badRequest, "expected \"since\" (a date \"YYYY-MM-DD\") for \"report\", got none") }
            return .report(since: since, until: raw.through)
        default:
            guard let format = raw.format else {
                throw fail(.badRequest, "expected \"format\" (\"csv\", \"json\" or \"ics\") for \"export\", got none")
            }
            if let days = raw.days, !ScheduleCalendar.allowedDays.contains(days) || format != .ics {
                throw fail(.badRequest, format != .ics ? "expected \"days\" only with \"format\" \"ics\", got it with \"\(format.rawValue)\""
                    : "expected \"days\" from 1 to \(ScheduleCalendar.allowedDays.upperBound), got \(days)")
            }
            return .export(format: format, since: raw.since, until: raw.through, kind: raw.kind, days: raw.days)
        }
    }

    /// The request as one line, newline included.
    public func encodedLine() -> [UInt8] { WireCoding.line(self) }
}
