import CrampCore
import CrampProtocol
import Testing

/// `crampd ctl watch`: one line per event, and the JSON is the journal's fields, flat.
struct WatchEventTextTests {
    static let at = Instant(microseconds: 1_795_615_207_000_000)  // 2026-11-25 14:00:07 UTC

    static func event(_ fields: [String: String]) -> WatchEvent {
        WatchEvent(fields: fields.merging([WatchEvent.timestampField: String(at.microseconds)]) { a, _ in a })
    }

    @Test func reminderEventNamesKindAndReminder() {
        let e = Self.event(["CRAMPD_EVENT": "due", "CRAMPD_REMINDER": "water", "MESSAGE": "Drink a glass of water"])
        #expect(ResultText.watchLine(e, zone: .utc) == "14:00:07 due water: Drink a glass of water\n")
    }

    @Test func eventWithoutReminderAndMultiLineMessage() {
        let e = Self.event(["CRAMPD_EVENT": "reload-failed", "MESSAGE": "Failed to reload configuration: 1 error\nconfig.toml:3:7: expected …"])
        #expect(ResultText.watchLine(e, zone: .utc) == "14:00:07 reload-failed: Failed to reload configuration: 1 error\n")
    }

    @Test func controlCharactersFromTheConfigAreEscaped() {
        let e = Self.event(["CRAMPD_EVENT": "due", "CRAMPD_REMINDER": "tea", "MESSAGE": "Tea\u{1B}[2J time"])
        #expect(!ResultText.watchLine(e, zone: .utc).contains("\u{1B}"))
    }

    @Test func shownInTheGivenZone() throws {
        let berlin = try Zone.named("Europe/Berlin")
        let e = Self.event(["CRAMPD_EVENT": "paused", "MESSAGE": "Paused"])
        #expect(ResultText.watchLine(e, zone: berlin) == "15:00:07 paused: Paused\n")
    }

    @Test func jsonIsTheFlatFieldsSorted() throws {
        let e = Self.event(["CRAMPD_EVENT": "cramp", "MESSAGE": "Logged a cramp", "CRAMPD_MUSCLE": "calf"])
        let line = String(decoding: WireCoding.line(e), as: UTF8.self)
        #expect(line == #"{"CRAMPD_EVENT":"cramp","CRAMPD_MUSCLE":"calf","MESSAGE":"Logged a cramp","__REALTIME_TIMESTAMP":"1795615207000000"}"# + "\n")
        #expect(e.at == Self.at && e.event == "cramp" && e.reminder == nil)
    }
}
