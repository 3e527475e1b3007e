import CrampCore
import Foundation
import Testing
@testable import CrampDaemon

/// Issue 17 part 3: `crampd ctl take` inside `<electrolyte>_min_gap` warns and still logs.
@Suite("Dose spacing on take")
struct DoseSpacingTakeTests {
    let now = DiaryTestTime.now  // 2026-11-25 15:00 UTC
    let goals = Goals(minimumGap: [.magnesium: .hours(4)])

    @Test func insideTheGapWarnsAndLogs() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        _ = try store.logDose(electrolyte: "magnesium", milligrams: 200, goals: goals, zone: .utc, now: now - .minutes(70))
        let second = try store.logDose(electrolyte: "magnesium", milligrams: 200, goals: goals, zone: .utc, now: now)
        #expect(second.message == "Logged 200 mg of magnesium at 15:00. Today: 400 mg. That is 1h10m after your last magnesium dose (at 13:50), "
            + "sooner than the 4h you keep between them ([goals] magnesium_min_gap); it is logged, and a magnesium reminder due before 19:00 waits until then.")
        #expect(try store.records(since: nil).doses.count == 2)
        #expect(try store.lastDoseTimes(atOrBefore: now) == [.magnesium: now])
    }

    @Test func outsideTheGapOrForAnotherElectrolyteSaysNothingMore() throws {
        let dir = try DiaryTemporaryDirectory()
        let store = try DiaryStore(path: dir.file("diary.sqlite"), now: now)
        _ = try store.logDose(electrolyte: "magnesium", milligrams: 200, goals: goals, zone: .utc, now: now - .hours(4))
        _ = try store.logDose(electrolyte: "potassium", milligrams: 99, goals: goals, zone: .utc, now: now - .minutes(1))
        let second = try store.logDose(electrolyte: "magnesium", milligrams: 200, goals: goals, zone: .utc, now: now)
        #expect(second.message == "Logged 200 mg of magnesium at 15:00. Today: 400 mg.")
        let potassium = try store.logDose(electrolyte: "potassium", milligrams: 99, goals: goals, zone: .utc, now: now)
        #expect(potassium.message == "Logged 99 mg of potassium at 15:00. Today: 198 mg.")
    }
}
