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
        return settings
    }
}
