import TOML

/// Reads typed values out of located entries; every problem becomes a diagnostic
/// pointing at the value, and the read returns `nil` so checking can go on.
struct ValueReader {
    var diagnostics: [ConfigDiagnostic] = []
    /// Where `timezone` and a calendar's trailing zone name are looked up.
    let zones: TZDatabase

    mutating func fail(_ entry: LocatedEntry, _ message: String) { diagnostics.add(at: entry, message) }

    /// "expected a string for "every", got integer"
    private mutating func wrongType(_ entry: LocatedEntry, expected: String) {
        fail(entry, "expected \(expected) for \"\(entry.key)\", got \(entry.value.typeName)")
    }

    mutating func string(_ entry: LocatedEntry) -> String? {
        guard case .string(let text) = entry.value else { wrongType(entry, expected: "a string"); return nil }
        return text
    }

    mutating func bool(_ entry: LocatedEntry) -> Bool? {
        guard case .bool(let flag) = entry.value else { wrongType(entry, expected: "a boolean"); return nil }
        return flag
    }

    /// A whole number above zero (amounts, goals).
    mutating func positiveInteger(_ entry: LocatedEntry) -> Int? {
        guard case .integer(let number) = entry.value else { wrongType(entry, expected: "an integer"); return nil }
        guard number > 0 else {
            fail(entry, "expected a number above zero for \"\(entry.key)\", got \(number)")
            return nil
        }
        guard number <= Int64(Int32.max) else {
            fail(entry, "expected a number up to \(Int32.max) for \"\(entry.key)\", got \(number)")
            return nil
        }
        return Int(number)
    }

    mutating func duration(_ entry: LocatedEntry, allowZero: Bool) -> TimeSpan? {
        guard case .string(let text) = entry.value else {
            fail(entry, "expected a string for \"\(entry.key)\", got \(entry.value.typeName); write a duration \(DurationSyntax.example)")
            return nil
        }
        let span: TimeSpan
        switch DurationSyntax.read(text) {
        case .success(let read): span = read
        case .failure(.malformed):
            fail(entry, "expected a duration \(DurationSyntax.example) for \"\(entry.key)\", got \"\(text)\"")
            return nil
        case .failure(.tooLong):
            fail(entry, "expected a duration \(DurationSyntax.boundText) for \"\(entry.key)\", got \"\(text)\"")
            return nil
        }
        if !allowZero && span == .zero {
            fail(entry, "expected a duration above zero for \"\(entry.key)\", got \"\(text)\"")
            return nil
        }
        return span
    }

    /// One of a fixed set of names, with "did you mean" for a near miss.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ entry: LocatedEntry, _ type: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let text = string(entry) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let names = Choice.allCases.map(\.rawValue)
        fail(entry, "expected \(Self.oneOf(names)) for \"\(entry.key)\", got \"\(text)\"" + DidYouMean.hint(for: text, among: names))
        return nil
    }

    /// A single string or an array of strings, each with the offset to point at.
    /// `nil` (after a diagnostic) on a wrong type; an empty array reports `emptyMessage` when given.
    mutating func strings(_ entry: LocatedEntry, emptyMessage: String?) -> [(text: String, offset: Int)]? {
        switch entry.value {
        case .string(let text):
            return [(text, entry.node.offset)]
        case .array(let elements):
            if elements.isEmpty, let emptyMessage { fail(entry, emptyMessage); return nil }
            var result: [(String, Int)] = []
            var ok = true
            for element in elements {
                if case .string(let text) = element.value { result.append((text, element.offset)) }
                else {
                    diagnostics.add(entry.source, element.offset, "expected a string in \"\(entry.key)\", got \(element.value.typeName)")
                    ok = false
                }
            }
            return ok ? result : nil
        default:
            wrongType(entry, expected: "a string or an array of strings")
            return nil
        }
    }

    /// `"a", "b" or "c"` / `one of "a", "b", "c" or "d"`.
    static func oneOf(_ names: [String]) -> String {
        let quoted = names.map { "\"\($0)\"" }
        return (quoted.count > 2 ? "one of " : "") + quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    // MARK: Times

    /// Times of day: strings `"08:30"` or TOML local times `08:30:00`, alone or in an array.
    mutating func times(_ entry: LocatedEntry) -> [TimeOfDay]? {
        let items: [(value: TOMLValue, offset: Int)]
        switch entry.value {
        case .array(let elements):
            guard !elements.isEmpty else {
                fail(entry, "empty \"\(entry.key)\": name at least one time, like [\"08:30\"]")
                return nil
            }
            items = elements.map { ($0.value, $0.offset) }
        case .string, .localTime:
            items = [(entry.value, entry.node.offset)]
        default:
            wrongType(entry, expected: "a time or an array of times")
            return nil
        }
        var times: [TimeOfDay] = []
        var ok = true
        for item in items {
            switch item.value {
            case .string(let text):
                if let time = TimeSyntax.parseTime(text) { times.append(time); continue }
                diagnostics.add(entry.source, item.offset, "expected a time \(TimeSyntax.timeExample) in \"\(entry.key)\", got \"\(text)\"")
            case .localTime(let time) where time.nanosecond == 0:
                times.append(TimeOfDay(hour: time.hour, minute: time.minute, second: time.second))
                continue
            case .localTime:
                diagnostics.add(entry.source, item.offset, "expected a time without fractions of a second in \"\(entry.key)\"")
            default:
                diagnostics.add(entry.source, item.offset, "expected a time in \"\(entry.key)\", got \(item.value.typeName)")
            }
            ok = false
        }
        return ok ? times : nil
    }

    /// Daily windows; `absentMeaning` finishes the message for an empty window ("the whole day").
    /// An empty array is refused unless `allowEmpty` (`quiet_hours = []` plainly means none).
    mutating func windows(_ entry: LocatedEntry, absentMeaning: String, allowEmpty: Bool = false) -> [DailyWindow]? {
        let emptyArray = "empty \"\(entry.key)\": name at least one window, like [\"08:00-21:00\"], or leave out \"\(entry.key)\" for \(absentMeaning)"
        guard let items = strings(entry, emptyMessage: allowEmpty ? nil : emptyArray) else { return nil }
        var windows: [DailyWindow] = []
        var ok = true
        for (text, offset) in items {
            switch TimeSyntax.parseWindow(text) {
            case .success(let window): windows.append(window)
            case .failure(.malformed):
                diagnostics.add(entry.source, offset, "expected a window \(TimeSyntax.windowExample), in \"\(entry.key)\", got \"\(text)\"")
                ok = false
            case .failure(.empty):
                diagnostics.add(entry.source, offset, "empty window \"\(text)\" in \"\(entry.key)\": it starts and ends at the same time; leave out \"\(entry.key)\" for \(absentMeaning)")
                ok = false
            }
        }
        return ok ? windows : nil
    }

    mutating func days(_ entry: LocatedEntry) -> Set<Weekday>? {
        let empty = "empty \"days\": name at least one day, like [\"mon\", \"tue\"], or leave out \"days\" for every day"
        guard let items = strings(entry, emptyMessage: empty) else { return nil }
        var days = Set<Weekday>()
        var ok = true
        for (text, offset) in items {
            if let some = TimeSyntax.parseDays(text) { days.formUnion(some); continue }
            let names = Weekday.allCases.map(\.shortName)
            diagnostics.add(entry.source, offset, "expected a day \"mon\"…\"sun\" or a range like \"mon..fri\" in \"days\", got \"\(text)\""
                            + DidYouMean.hint(for: text, among: names))
            ok = false
        }
        return ok ? days : nil
    }
}
