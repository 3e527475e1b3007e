/// A hook's command line and environment for one event: pure, so the substitution is tested
/// without running anything.
///
/// Each argument is one argument whatever the values hold (no shell, no splitting): `{message}`
/// in `["notify-send", "{message}"]` stays the second argument even with spaces or quotes in it.
/// `{{` and `}}` are literal braces. A field the event does not have is replaced by "".
public enum HookCommand {
    /// Placeholder → the journal field it takes its value from. `{due}` and `{time}` are
    /// rendered as local times instead (see `expand`).
    public static let placeholders: [(name: String, field: String, doc: String)] = [
        ("event", "CRAMPD_EVENT", "what happened: due, done, missed, paused, …"),
        ("reminder", "CRAMPD_REMINDER", "the reminder's id"),
        ("kind", "CRAMPD_KIND", "hydration, electrolyte, stretch or custom"),
        ("message", "MESSAGE", "the journal message: the reminder's text when due"),
        ("amount", "CRAMPD_AMOUNT", "the amount, a number"),
        ("unit", "CRAMPD_UNIT", "ml or mg"),
        ("electrolyte", "CRAMPD_ELECTROLYTE", "sodium, potassium, magnesium or calcium"),
        ("repeat", "CRAMPD_REPEAT", "which follow-up (repeat)"),
        ("muscle", "CRAMPD_MUSCLE", "the cramp's muscle"),
        ("severity", "CRAMPD_SEVERITY", "the cramp's severity, 1 to 10"),
        ("water", "CRAMPD_WATER_ML", "today's water so far, ml (drink, goal-met)"),
        ("goal", "CRAMPD_WATER_GOAL_ML", "the daily water goal, ml"),
        ("due", "CRAMPD_DUE_USEC", "the planned time of the occurrence, local \"HH:MM\""),
        ("time", "__REALTIME_TIMESTAMP", "when it happened, local \"HH:MM:SS\""),
    ]

    public static var placeholderNames: [String] { placeholders.map(\.name) }

    /// A problem in one argument: an unknown `{name}` (with a suggestion) or a lone brace.
    public struct Problem: Error, Equatable, Sendable {
        public var message: String
    }

    /// The placeholders named in `argument`, or the first problem.
    public static func check(_ argument: String) -> Problem? {
        switch pieces(argument) {
        case .failure(let problem): problem
        case .success: nil
        }
    }

    /// `exec` with every placeholder replaced by its value for `fields` (the event's journal
    /// fields); times in `zone`. The arguments were checked when the config was loaded.
    public static func expand(_ exec: [String], fields: [String: String], zone: Zone) -> [String] {
        exec.map { argument in
            guard case .success(let parts) = pieces(argument) else { return argument }
            return parts.map { part in
                switch part {
                case .text(let text): text
                case .placeholder(let name): value(of: name, fields: fields, zone: zone)
                }
            }.joined()
        }
    }

    /// The environment entries a hook gets besides the daemon's own: every `CRAMPD_*` field,
    /// and `CRAMPD_MESSAGE`, `CRAMPD_MESSAGE_ID`, `CRAMPD_PRIORITY`, `CRAMPD_HOOK`.
    public static func environment(fields: [String: String], hook: Int) -> [String: String] {
        var environment: [String: String] = ["CRAMPD_HOOK": String(hook)]
        for (name, value) in fields where name.hasPrefix("CRAMPD_") { environment[name] = value }
        for (field, name) in [("MESSAGE", "CRAMPD_MESSAGE"), ("MESSAGE_ID", "CRAMPD_MESSAGE_ID"), ("PRIORITY", "CRAMPD_PRIORITY")] {
            if let value = fields[field] { environment[name] = value }
        }
        return environment
    }

    static func value(of name: String, fields: [String: String], zone: Zone) -> String {
        guard let entry = placeholders.first(where: { $0.name == name }), let raw = fields[entry.field] else { return "" }
        guard name == "due" || name == "time", let micros = Int64(raw) else { return raw }
        let t = zone.localDateTime(at: Instant(microseconds: micros)).time
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return name == "due" ? "\(two(t.hour)):\(two(t.minute))" : "\(two(t.hour)):\(two(t.minute)):\(two(t.second))"
    }

    enum Piece: Equatable { case text(String), placeholder(String) }

    /// `"Drink {amount} {unit}!"` → text, placeholder, text, placeholder, text.
    static func pieces(_ argument: String) -> Result<[Piece], Problem> {
        var parts: [Piece] = []
        var text = ""
        var rest = Substring(argument)
        while let c = rest.first {
            rest = rest.dropFirst()
            if c == "{" && rest.first == "{" { text.append("{"); rest = rest.dropFirst(); continue }
            if c == "}" && rest.first == "}" { text.append("}"); rest = rest.dropFirst(); continue }
            if c == "}" { return .failure(Problem(message: "a lone \"}\" in \"\(argument)\"; write }} for a brace")) }
            guard c == "{" else { text.append(c); continue }
            guard let close = rest.firstIndex(of: "}") else {
                return .failure(Problem(message: "an unclosed \"{\" in \"\(argument)\"; write {{ for a brace"))
            }
            let name = String(rest[..<close])
            guard placeholderNames.contains(name) else {
                return .failure(Problem(message: "unknown placeholder {\(name)}" + (DidYouMean.closest(to: name, among: placeholderNames).map { "; did you mean {\($0)}?" } ?? "")
                    + " (known: " + placeholderNames.map { "{\($0)}" }.joined(separator: " ") + ")"))
            }
            if !text.isEmpty { parts.append(.text(text)); text = "" }
            parts.append(.placeholder(name))
            rest = rest[rest.index(after: close)...]
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
        return .success(parts)
    }
}
