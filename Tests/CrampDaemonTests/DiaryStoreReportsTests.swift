import CrampCore
import Foundation
import Testing
@testable import CrampDaemon

/// The store's report methods: what the daemon's handlers call, from a real file.
@Suite("Diary store reports")
struct DiaryStoreReportsTests {
    let now = DiaryTestTime.now  // Wednesday 2026-11-25 15:00 UTC
    let goals = Goals(waterMilliliters: 2000, targetMilligrams: [.magnesium: 300], capMilligrams: [.magnesium: 400])
    let day: Int64 = 24

    func filledStore(_ dir: DiaryTemporaryDirectory) throws -> DiaryStore {
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        try store.insert(Drink(milliliters: 1800, time: now - .hours(day)))       // yesterday 15:00
        try store.insert(Drink(milliliters: 500, time: DiaryTestTime.today(9, 0)))
        try store.insert(Drink(milliliters: 250, time: DiaryTestTime.today(14, 30)))
        try store.insert(Dose(electrolyte: .magnesium, milligrams: 350, time: DiaryTestTime.today(10, 0)))
        try store.insert(try Cramp.validated(time: DiaryTestTime.today(3, 10), muscle: "Calf", severity: 6, zone: .utc))
        try store.record(ReminderEventRecord(reminderID: "water", event: .due, planned: DiaryTestTime.today(9, 0), actual: DiaryTestTime.today(9, 0)))
        try store.record(ReminderEventRecord(reminderID: "water", event: .done, planned: DiaryTestTime.today(9, 0), actual: DiaryTestTime.today(9, 2)))
        return store
    }

    @Test func todayReadsOnlyToday() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try filledStore(dir)
        let due = [PendingReminder(reminderID: "water", due: DiaryTestTime.today(16, 0), amountText: "250 ml")]
        let today = try store.today(goals: goals, zone: .utc, now: now, stillDue: due)
        #expect(today.waterMilliliters == 750)
        #expect(today.electrolytes == [ElectrolyteProgress(electrolyte: .magnesium, milligrams: 350, targetMilligrams: 300, capMilligrams: 400)])
        #expect(today.cramps.map(\.muscle) == ["calf"])
        #expect(today.stillDue == due)
        #expect(TodayRenderer.render(today, zone: .utc, isTerminal: false).contains("\nWater         750 of 2000 ml   37%  2 drinks, last at 14:30\n"))
    }

    @Test func statsOverTheLastDays() throws {
        let dir = try DiaryTemporaryDirectory()
        let stats = try filledStore(dir).stats(days: 7, goals: goals, zone: .utc, now: now)
        #expect(stats.days.map(\.waterMilliliters) == [0, 0, 0, 0, 0, 1800, 750])
        #expect(stats.adherence == ReminderAdherence(due: 1, done: 1))
        #expect(stats.cramps == 1 && stats.nightCramps == 1)
    }

    @Test func smartFactsFindTheLastDrinkOnAnEarlierDay() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try filledStore(dir)
        let facts = try store.smartFacts(goals: goals, zone: .utc, now: now)
        #expect(facts.lastDrinkAt == DiaryTestTime.today(14, 30))
        #expect(facts.drinkLogged(within: .minutes(31), now: now))
        #expect(!facts.drinkLogged(within: .minutes(30), now: now))
        #expect(facts.capExcess(electrolyte: .magnesium, milligrams: 100)?.capMilligrams == 400)
        // Early tomorrow: nothing drunk yet today, but yesterday's last drink still counts for `last-done`.
        let tomorrow = DiaryTestTime.today(0, 0) + .hours(24 + 6)
        let early = try store.smartFacts(goals: goals, zone: .utc, now: tomorrow)
        #expect(early.waterTodayMilliliters == 0)
        #expect(early.lastDrinkAt == DiaryTestTime.today(14, 30))
        #expect(early.capExcess(electrolyte: .magnesium, milligrams: 100) == nil)
    }

    @Test func exportsSinceALocalDate() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try filledStore(dir)
        let all = try store.exportDocument(since: nil, zone: .utc)
        #expect(all.drinks.count == 3)
        let fromToday = try store.exportDocument(since: CivilDate(year: 2026, month: 11, day: 25), zone: .utc)
        #expect(fromToday.drinks.map(\.milliliters) == [500, 250])
        #expect(fromToday.reminderEvents.count == 2)
        let csv = try store.exportCSV(since: CivilDate(year: 2026, month: 11, day: 25), zone: .utc)
        #expect(csv.split(separator: "\r\n").count == 1 + 2 + 1 + 1 + 2)
        let json = try DiaryJSON.encode(fromToday, pretty: false)
        #expect(json.hasPrefix(#"{"cramps":[{"atNight":true,"id":"cramp-6d77539d0a731cee","localTime":"2026-11-25T03:10:00+00:00","muscle":"calf","severity":6,"time":"#))
        #expect(json.contains(#""format":"crampd-diary""#) && json.contains(#""since":"2026-11-25""#))
    }

    @Test func exportsUntilALocalDateAndOneKind() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try filledStore(dir)
        let yesterday = CivilDate(year: 2026, month: 11, day: 24), today = CivilDate(year: 2026, month: 11, day: 25)
        let untilYesterday = try store.exportDocument(until: yesterday, zone: .utc)
        #expect(untilYesterday.drinks.map(\.milliliters) == [1800])
        #expect(untilYesterday.cramps.isEmpty && untilYesterday.until == "2026-11-24")
        let drinksToday = try store.exportDocument(since: today, until: today, kind: .drink, zone: .utc)
        #expect(drinksToday.drinks.map(\.milliliters) == [500, 250])
        #expect(drinksToday.doses.isEmpty && drinksToday.cramps.isEmpty && drinksToday.reminderEvents.isEmpty)
        let cramps = try store.exportCSV(kind: .cramp, zone: .utc).split(separator: "\r\n")
        #expect(cramps.count == 2 && cramps[1].hasPrefix("cramp,2026-11-25 03:10:00,"))
        #expect(try store.exportCSV(since: today, until: yesterday, zone: .utc).split(separator: "\r\n").count == 1)
    }

    @Test func crampInsightAtMostOnceAWeekAcrossRestarts() throws {
        let dir = try DiaryTemporaryDirectory()
        let path = dir.file("diary.sqlite")
        do {
            let store = try DiaryStore(path: path, now: now)
            for h in [1, 2] { try store.insert(Cramp(time: DiaryTestTime.today(h, 0), severity: 4, atNight: true)) }
            #expect(try store.crampInsight(now: now) == nil)
            try store.insert(Cramp(time: DiaryTestTime.today(4, 0), severity: 5, atNight: true))
            let notice = try #require(try store.crampInsight(now: now))
            #expect(notice.reason == .frequent(count: 3))
            try store.recordInsightNotice(notice, at: now)
            try store.close()
        }
        let store = try DiaryStore(path: path, now: now)
        #expect(try store.lastInsightNoticeTime() == now)
        try store.insert(Cramp(time: now + .hours(1), severity: 9, atNight: false))
        #expect(try store.crampInsight(now: now + .hours(2)) == nil, "a notice was written less than a week ago")
        #expect(try store.crampInsight(now: now + .hours(24 * 7)) != nil)
    }
}
