import Testing
@testable import CrampCore

/// The dose cap as an agenda rule: an electrolyte reminder whose amount would take today's
/// total past `[goals] <electrolyte>_max_mg` is skipped, never fired, and the plan (so
/// `crampd ctl next`) does not show it.
@Suite struct AgendaDoseCapTests {
    let magnesium = Reminder(id: "magnesium", kind: .electrolyte, electrolyte: .magnesium, message: "Take your magnesium",
                             amount: 200, schedule: .at(AtSchedule(times: [agendaTime(12, 0), agendaTime(19, 0)])))
    var config: Config {
        var config = agendaConfig([magnesium, agendaAt("stretch", [agendaTime(15, 0)])])
        config.goals.capMilligrams = [.magnesium: 350]
        return config
    }
    let excess = DoseCapExcess(electrolyte: .magnesium, takenTodayMilligrams: 200, doseMilligrams: 200, capMilligrams: 350)

    @Test func aDosePastTheCapIsSkippedForTheRestOfTheDay() {
        var driver = AgendaDriver(config: config)
        driver.step(at: agendaDay(9))
        driver.intake = IntakeFacts(electrolyteTodayMilligrams: [.magnesium: 200])
        let plan = driver.step(at: agendaDay(10)).plan
        #expect(plan.entry(for: "magnesium")?.next?.due == agendaUTC(2026, 11, 26, 12))
        #expect(plan.nextWake == agendaDay(12))  // to record the skip at its time
        driver.run(through: agendaDay(19))
        #expect(driver.actions(of: "magnesium") == [
            .skipped(reminderID: "magnesium", due: agendaDay(12), reason: .dailyCapReached(excess)),
            .skipped(reminderID: "magnesium", due: agendaDay(19), reason: .dailyCapReached(excess)),
        ])
        #expect(driver.state.reminders["magnesium"]?.lastFired == nil)
        #expect(driver.fires(of: "stretch").count == 1)  // other reminders are not capped
        #expect(excess.message == "not suggesting 200 mg of magnesium: with the 200 mg taken today it would make 400 mg, above the daily cap of 350 mg")
    }

    @Test func withinTheCapItFiresAndNextDayTheTotalsStartAgain() {
        let within = Agenda.step(config: config, zone: .utc, state: .empty, now: agendaDay(10),
                                 intake: IntakeFacts(electrolyteTodayMilligrams: [.magnesium: 150]))
        #expect(within.plan.entry(for: "magnesium")?.next?.due == agendaDay(12))  // 150 + 200 = 350: exactly the cap
        let over = IntakeFacts(electrolyteTodayMilligrams: [.magnesium: 151])
        let next = Agenda.upcoming(config: config, zone: .utc, state: within.state, now: agendaDay(10), intake: over, count: 3)
        #expect(next.map(\.reminderID) == ["stretch", "magnesium", "stretch"])
        #expect(next.map(\.due) == [agendaDay(15), agendaUTC(2026, 11, 26, 12), agendaUTC(2026, 11, 26, 15)])
    }

    @Test func aDoseFoundLatePastTheCapIsSkippedNotCaughtUp() {
        var driver = AgendaDriver(config: config)
        driver.step(at: agendaDay(9))
        driver.intake = IntakeFacts(electrolyteTodayMilligrams: [.magnesium: 300])
        driver.step(at: agendaDay(13))  // 12:00 found an hour late: the cap is judged before lateness
        #expect(driver.fired.isEmpty)
        #expect(driver.actions(of: "magnesium") == [
            .skipped(reminderID: "magnesium", due: agendaDay(12),
                     reason: .dailyCapReached(DoseCapExcess(electrolyte: .magnesium, takenTodayMilligrams: 300,
                                                            doseMilligrams: 200, capMilligrams: 350))),
        ])
    }
}
