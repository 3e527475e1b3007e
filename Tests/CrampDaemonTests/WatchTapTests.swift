import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Synchronization
import Testing

/// The one tap: every journal entry with CRAMPD_EVENT, from whatever part of the daemon, is
/// handed to the observer; operational messages are not. And what drink logging adds.
struct WatchTapTests {
    @Test func onlyEventEntriesReachTheObserver() {
        let writer = JournalWriter(sink: { _ in })
        let seen = Mutex<[String]>([])
        writer.observeEvents { entry in seen.withLock { $0.append(entry.message) } }
        writer.write(JournalEntry(message: "Paused", priority: .notice, fields: [("CRAMPD_EVENT", "paused")]))
        writer.write(JournalEntry(message: "The diary is busy", priority: .warning))
        writer.write(JournalEntry(message: "held", priority: .info, fields: [("CRAMPD_REASON", "away"), ("CRAMPD_EVENT", "held")]))
        #expect(seen.withLock { $0 } == ["Paused", "held"])
    }

    @Test func watchEventCarriesTheJournalFields() {
        let entry = JournalEntry(message: "Paused", priority: .notice, messageID: .paused, fields: [("CRAMPD_EVENT", "paused")])
        let event = WatchEvent(entry, at: Instant(microseconds: 42))
        #expect(event.fields == ["MESSAGE": "Paused", "PRIORITY": "5", "SYSLOG_IDENTIFIER": "crampd", "MESSAGE_ID": JournalMessageID.paused.rawValue,
                                 "CRAMPD_EVENT": "paused", "__REALTIME_TIMESTAMP": "42"])
    }

    static func drinkChange(_ ml: Int, total: Int, goal: Int?) -> DiaryChange {
        let today = TodaySummary(date: CivilDate(year: 2026, month: 11, day: 25), zoneName: "UTC", waterMilliliters: total,
                                 waterGoalMilliliters: goal, drinkCount: 1, lastDrinkAt: nil, electrolytes: [], cramps: [], stillDue: [])
        return DiaryChange(summary: "Logged", entry: .drink(Drink(milliliters: ml, time: Instant(microseconds: 0), note: nil)), today: today)
    }

    @Test func goalMetOnlyWhenThisDrinkCrossesIt() {
        func events(_ change: DiaryChange) -> [String] { DiaryEvent.entries(for: change).compactMap(\.event) }
        #expect(events(Self.drinkChange(250, total: 1750, goal: 2000)) == ["drink"])
        #expect(events(Self.drinkChange(250, total: 2000, goal: 2000)) == ["drink", "goal-met"])
        #expect(events(Self.drinkChange(250, total: 2100, goal: 2000)) == ["drink", "goal-met"])
        #expect(events(Self.drinkChange(250, total: 2250, goal: 2000)) == ["drink"])
        #expect(events(Self.drinkChange(250, total: 2500, goal: 2000)) == ["drink"])
        #expect(events(Self.drinkChange(250, total: 2500, goal: nil)) == ["drink"])
    }
}
