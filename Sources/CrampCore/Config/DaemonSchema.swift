import TOML

/// `[daemon]`: checks each key and builds `DaemonSettings`; absent keys take their default from `ConfigKeys.daemon`.
enum DaemonSchema {
    static func read(_ table: LocatedTable, _ reader: inout ValueReader) -> DaemonSettings {
        var settings = DaemonSettings()
        func entry(_ key: String) -> LocatedEntry? { table[key] ?? ConfigSection.daemon.defaultEntry(key) }

        if let zone = table["timezone"], let name = reader.string(zone) {
            do {
                _ = try Zone.named(name, in: reader.zones)
                settings.timezone = name
            } catch {
                reader.fail(zone, "\(error.message); use an IANA name like \"Europe/Berlin\" (see /usr/share/zoneinfo), or leave out \"timezone\" for the system zone")
            }
        }
        if let quiet = entry("quiet_hours"), let windows = reader.windows(quiet, absentMeaning: "no quiet hours", allowEmpty: true) {
            settings.quietHours = windows
        }
        if let notify = entry("notify"), let names = reader.strings(notify, emptyMessage: nil) {
            var channels: Set<NotifyChannel> = [.journal]   // the journal is always on
            for (name, offset) in names {
                if let channel = NotifyChannel(rawValue: name) { channels.insert(channel); continue }
                let known = NotifyChannel.allCases.map(\.rawValue)
                reader.diagnostics.add(notify.source, offset, "expected \(ValueReader.oneOf(known)) in \"notify\", got \"\(name)\""
                                       + DidYouMean.hint(for: name, among: known))
            }
            settings.notify = channels
        }
        if let grace = entry("grace"), let span = reader.duration(grace, allowZero: true) { settings.grace = span }
        if let catchUp = entry("catch_up"), let policy = reader.choice(catchUp, CatchUpPolicy.self) { settings.catchUp = policy }
        if let snooze = entry("snooze"), let span = reader.duration(snooze, allowZero: false) { settings.snooze = span }
        if let whileAway = entry("while_away"), let choice = reader.choice(whileAway, WhileAway.self) { settings.whileAway = choice }
        if let awayAfter = entry("away_after") { settings.awayAfter = readAwayAfter(awayAfter, &reader) ?? settings.awayAfter }
        return settings
    }

    /// `away_after`: a duration of at least 1s, or "off" (`.some(nil)`); `nil` after a diagnostic.
    private static func readAwayAfter(_ entry: LocatedEntry, _ reader: inout ValueReader) -> TimeSpan?? {
        if case .string("off") = entry.value { return .some(nil) }
        guard let span = reader.duration(entry, allowZero: false) else { return nil }
        guard span >= .seconds(1) else {
            let text = if case .string(let text) = entry.value { text } else { "" }
            reader.fail(entry, "expected a duration of at least 1s or \"off\" for \"away_after\", got \"\(text)\"")
            return nil
        }
        return .some(span)
    }
}
