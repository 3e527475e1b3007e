import Testing
@testable import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in

/// One test per rule of `Agenda` (see its doc comment), in UTC unless a zone matters.
@Suite struct AgendaRuleTests {
    let water = agendaEvery("water", .minutes(30))

    @Test func aNewReminderStartsAtNowWithoutHistoricFirings() {
        let stretch = agendaAt("stretch", [agendaTime(8, 0)])
        let step = Agenda.step(config: agendaConfig([stretch]), zone: .utc, state: .empty, now: agendaDay(10))
        #expect(step.actions.isEmpty)
        #expect(step.plan.entry(for: "stretch")?.next == Firing(reminderID: "stretch", due: agendaUTC(2026, 11, 26, 8),
                                                                fireAt: agendaUTC(2026, 11, 26, 8), reason: .scheduled))
        #expect(step.state.reminders["stretch"]?.handledThrough == agendaDay(10))
    }

    @Test func anOccurrenceFiresOnceAtItsTime() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(9, 50))
        #expect(driver.nextWake == agendaDay(10))
        driver.step(at: agendaDay(10))
        driver.step(at: agendaDay(10))  // a second wake at the same time, e.g. after a command
        driver.step(at: agendaDay(10, 20))
        #expect(driver.fired.map(\.firing) == [Firing(reminderID: "water", due: agendaDay(10), fireAt: agendaDay(10), reason: .scheduled)])
        #expect(driver.nextWake == agendaDay(10, 30))
        #expect(driver.state.reminders["water"]?.lastFired == agendaDay(10))
    }

    @Test func planChangesNothingAndTellsWhatStepWillDo() {
        let state = Agenda.step(config: agendaConfig([water]), zone: .utc, state: .empty, now: agendaDay(9, 50)).state
        let plan = Agenda.plan(config: agendaConfig([water]), zone: .utc, state: state, now: agendaDay(10, 1))
        let step = Agenda.step(config: agendaConfig([water]), zone: .utc, state: state, now: agendaDay(10, 1))
        #expect(plan.dueNow == step.actions)
        #expect(plan.dueNow.count == 1)
        #expect(plan == step.plan)
        #expect(plan.nextWake == agendaDay(10, 30))
    }

    @Test func theFirstEntryIsTheEarliestAndTiesGoInConfigOrder() {
        let a = agendaAt("a", [agendaTime(11, 0)]), b = agendaAt("b", [agendaTime(10, 30)]), c = agendaEvery("c", .minutes(30))
        let plan = Agenda.plan(config: agendaConfig([a, c, b]), zone: .utc, state: .empty, now: agendaDay(10, 5))
        #expect(plan.first?.reminderID == "c")  // c and b both at 10:30; c comes first in the config
        #expect(plan.nextWake == agendaDay(10, 30))
        #expect(plan.entries.map(\.reminderID) == ["a", "c", "b"])
    }

    // MARK: Quiet hours

    @Test func quietHoursDeferToTheirEndAndFireOnceThere() {
        let night = DailyWindow(start: agendaTime(22, 0), end: agendaTime(7, 0))
        var driver = AgendaDriver(config: agendaConfig([water], quietHours: [night]))
        driver.step(at: agendaDay(21, 45))
        #expect(driver.nextWake == agendaUTC(2026, 11, 26, 7))
        driver.run(through: agendaUTC(2026, 11, 26, 8))
        #expect(driver.fired.map(\.at) == [agendaUTC(2026, 11, 26, 7), agendaUTC(2026, 11, 26, 7, 30), agendaUTC(2026, 11, 26, 8)])
        #expect(driver.fired.first?.firing.reason == .scheduled)
        #expect(driver.missed.isEmpty)
    }

    @Test func aDeferredOccurrenceKeepsItsPlannedTime() {
        let late = agendaAt("late", [agendaTime(23, 0)])
        let lunch = DailyWindow(start: agendaTime(22, 30), end: agendaTime(23, 30))  // not crossing midnight
        let plan = Agenda.plan(config: agendaConfig([late], quietHours: [lunch]), zone: .utc, state: .empty, now: agendaDay(12))
        #expect(plan.entry(for: "late")?.next == Firing(reminderID: "late", due: agendaDay(23), fireAt: agendaDay(23, 30), reason: .scheduled))
    }

    @Test func touchingQuietWindowsDeferToTheEndOfTheLast() {
        let windows = [DailyWindow(start: agendaTime(12, 0), end: agendaTime(13, 0)), DailyWindow(start: agendaTime(13, 0), end: agendaTime(14, 0))]
        let noon = agendaAt("noon", [agendaTime(12, 15)])
        let plan = Agenda.plan(config: agendaConfig([noon], quietHours: windows), zone: .utc, state: .empty, now: agendaDay(9))
        #expect(plan.entry(for: "noon")?.next?.fireAt == agendaDay(14))
    }

    @Test func quietHoursEndingInADSTGapEndAtTheJump() throws {
        let berlin = try Zone.named("Europe/Berlin")
        // 2026-03-29: Berlin clocks jump from 02:00 to 03:00 (01:00 UT). Quiet 01:00-02:30 ends at the jump.
        let quiet = DailyWindow(start: agendaTime(1, 0), end: agendaTime(2, 30))
        let one = agendaAt("one", [agendaTime(1, 30)])
        let plan = Agenda.plan(config: agendaConfig([one], quietHours: [quiet]), zone: berlin, state: .empty, now: agendaUTC(2026, 3, 28, 12))
        #expect(plan.entry(for: "one")?.next?.fireAt == agendaUTC(2026, 3, 29, 1))
        #expect(plan.entry(for: "one")?.next?.due == agendaUTC(2026, 3, 29, 0, 30))
    }

    // MARK: Pause

    @Test func aPauseSilencesWhatFallsDueAndNeverCatchesItUp() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(9, 45))
        driver.state = driver.state.paused(now: agendaDay(9, 50), until: agendaDay(12))
        driver.step(at: agendaDay(9, 50))
        #expect(driver.nextWake == agendaDay(12))
        driver.run(through: agendaDay(12, 40))
        #expect(driver.fired.map(\.at) == [agendaDay(12), agendaDay(12, 30)])
        #expect(driver.fired.allSatisfy { $0.firing.reason == .scheduled })
        #expect(driver.actions(of: "water").contains(.silenced(reminderID: "water", count: 4, latestDue: agendaDay(11, 30))))
        #expect(driver.missed.isEmpty)
        #expect(driver.state.pause == nil)
    }

    @Test func anOpenPauseSleepsUntilResumedAndThenGoesOn() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(9, 45))
        driver.state = driver.state.paused(now: agendaDay(9, 50), until: nil)
        driver.step(at: agendaDay(9, 50))
        #expect(driver.nextWake == nil)
        #expect(driver.step(at: agendaDay(9, 50)).plan.entry(for: "water")?.next == nil)
        driver.state = driver.state.resumed(now: agendaDay(13, 10))
        driver.step(at: agendaDay(13, 10))
        #expect(driver.fired.isEmpty)
        #expect(driver.actions(of: "water") == [.silenced(reminderID: "water", count: 7, latestDue: agendaDay(13))])
        #expect(driver.nextWake == agendaDay(13, 30))
        #expect(driver.state.pause == nil)
    }

    @Test func nothingFiresWhilePausedNotEvenACatchUp() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(9, 45))
        // Suspended from 9:45; on waking at 12:00 the person pauses before crampd steps.
        driver.state = driver.state.paused(now: agendaDay(11), until: agendaDay(14))
        driver.step(at: agendaDay(12))
        #expect(driver.fired.isEmpty)
        // 10:00 and 10:30 fell due before the pause began: missed; 11:00-12:00 silenced.
        #expect(driver.actions(of: "water") == [.silenced(reminderID: "water", count: 3, latestDue: agendaDay(12)),
                                                .missed(reminderID: "water", MissedOccurrences(count: 2, earliestDue: agendaDay(10), latestDue: agendaDay(10, 30)))])
    }

    // MARK: Snooze and skip

    @Test func aSnoozeMovesTheNextFiringAndAbsorbsOccurrencesUpToIt() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(9, 45))
        driver.run(through: agendaDay(10))
        driver.state = driver.state.recordingSnooze("water", until: agendaDay(10, 40), now: agendaDay(10, 2))
        driver.step(at: agendaDay(10, 2))
        #expect(driver.nextWake == agendaDay(10, 40))
        driver.run(through: agendaDay(11, 10))
        #expect(driver.fired.map(\.firing) == [
            Firing(reminderID: "water", due: agendaDay(10), fireAt: agendaDay(10), reason: .scheduled),
            Firing(reminderID: "water", due: agendaDay(10, 40), fireAt: agendaDay(10, 40), reason: .snoozed),
            Firing(reminderID: "water", due: agendaDay(11), fireAt: agendaDay(11), reason: .scheduled),
        ])
    }

    @Test func doneCancelsASnooze() {
        var state = AgendaState.empty.recordingSnooze("water", until: agendaDay(10, 40), now: agendaDay(10, 2))
        state = state.recordingDone("water", at: agendaDay(10, 5))
        let plan = Agenda.plan(config: agendaConfig([water]), zone: .utc, state: state, now: agendaDay(10, 5))
        #expect(plan.entry(for: "water")?.next?.fireAt == agendaDay(10, 30))
        #expect(state.reminders["water"]?.lastDone == agendaDay(10, 5))
    }

    @Test func skipDropsExactlyTheNextOccurrence() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(10, 5))
        driver.state = driver.state.recordingSkip("water", now: agendaDay(10, 5))
        let plan = driver.step(at: agendaDay(10, 5)).plan
        #expect(plan.entry(for: "water")?.skipping == agendaDay(10, 30))
        #expect(plan.nextWake == agendaDay(11))
        driver.run(through: agendaDay(11, 30))
        #expect(driver.fired.map(\.firing.due) == [agendaDay(11), agendaDay(11, 30)])
        #expect(driver.actions(of: "water").first == .skipped(reminderID: "water", due: agendaDay(10, 30), reason: .requested))
        #expect(driver.state.reminders["water"]?.skipNext == false)
    }

    @Test func skipWithACountDropsThatManyAndRepeatingItDropsNoMore() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(10, 5))
        driver.state = driver.state.recordingSkip("water", count: 2, now: agendaDay(10, 5))
        // The same request again replaces the first: still two, not four.
        driver.state = driver.state.recordingSkip("water", count: 2, now: agendaDay(10, 6))
        let plan = driver.step(at: agendaDay(10, 6)).plan
        #expect(plan.entry(for: "water")?.skipped == [agendaDay(10, 30), agendaDay(11)])
        #expect(plan.entry(for: "water")?.next?.due == agendaDay(11, 30))
        driver.run(through: agendaDay(12))
        #expect(driver.fired.map(\.firing.due) == [agendaDay(11, 30), agendaDay(12)])
        #expect(driver.actions(of: "water").prefix(2) == [
            .skipped(reminderID: "water", due: agendaDay(10, 30), reason: .requested),
            .skipped(reminderID: "water", due: agendaDay(11), reason: .requested),
        ])
        #expect(driver.state.reminders["water"]?.skipNext == false)
        #expect(driver.state.reminders["water"]?.skipAfterNext == nil)
    }

    @Test func skipUntilDropsEveryFiringBeforeItAndThenEnds() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(10, 5))
        driver.state = driver.state.recordingSkip("water", until: agendaDay(12, 10), now: agendaDay(10, 5))
        let plan = driver.step(at: agendaDay(10, 5)).plan
        #expect(plan.entry(for: "water")?.skipping == agendaDay(10, 30))
        #expect(plan.entry(for: "water")?.next?.due == agendaDay(12, 30))
        driver.run(through: agendaDay(13))
        #expect(driver.fired.map(\.firing.due) == [agendaDay(12, 30), agendaDay(13)])
        #expect(driver.actions(of: "water").filter { if case .skipped = $0 { true } else { false } }.count == 4)
        #expect(driver.state.reminders["water"]?.skipUntil == nil)
    }

    @Test func skipTwoWhileSnoozedDropsTheSnoozeAndOneScheduled() {
        var state = Agenda.step(config: agendaConfig([water]), zone: .utc, state: .empty, now: agendaDay(10, 1)).state
        state = state.recordingSnooze("water", until: agendaDay(10, 11), now: agendaDay(10, 1))
        state = state.recordingSkip("water", count: 2, now: agendaDay(10, 5))
        let plan = Agenda.plan(config: agendaConfig([water]), zone: .utc, state: state, now: agendaDay(10, 5))
        #expect(plan.entry(for: "water")?.skipped == [agendaDay(10, 30)])
        #expect(plan.entry(for: "water")?.next?.due == agendaDay(11))
    }

    @Test func skipWhileSnoozedDropsOnlyTheSnooze() {
        var state = Agenda.step(config: agendaConfig([water]), zone: .utc, state: .empty, now: agendaDay(10, 1)).state
        state = state.recordingSnooze("water", until: agendaDay(10, 11), now: agendaDay(10, 1))
        state = state.recordingSkip("water", now: agendaDay(10, 5))
        let plan = Agenda.plan(config: agendaConfig([water]), zone: .utc, state: state, now: agendaDay(10, 5))
        #expect(plan.entry(for: "water")?.next?.due == agendaDay(10, 30))
        #expect(plan.entry(for: "water")?.skipping == nil)
    }

    @Test func lastDoneAnchorCountsFromTheLastConfirmation() {
        let hourly = agendaEvery("water", .hours(1), anchor: .lastDone)
        var driver = AgendaDriver(config: agendaConfig([hourly]))
        driver.step(at: agendaDay(10, 5))
        #expect(driver.nextWake == agendaDay(11))
        driver.state = driver.state.recordingDone("water", at: agendaDay(10, 20))
        driver.step(at: agendaDay(10, 20))
        #expect(driver.nextWake == agendaDay(11, 20))
    }

    // MARK: Missed and catch-up

    @Test func aSuspendYieldsOneCatchUpWithOnce() {
        var driver = AgendaDriver(config: agendaConfig([water], catchUp: .once))
        driver.step(at: agendaDay(9, 45))
        driver.step(at: agendaDay(15, 20))  // suspended 9:45-15:20
        #expect(driver.actions(of: "water") == [
            .missed(reminderID: "water", MissedOccurrences(count: 11, earliestDue: agendaDay(10), latestDue: agendaDay(15))),
            .fire(Firing(reminderID: "water", due: agendaDay(15), fireAt: agendaDay(15, 20), reason: .catchUp)),
        ])
        #expect(driver.nextWake == agendaDay(15, 30))
        driver.run(through: agendaDay(16))
        #expect(driver.fired.map(\.firing.reason) == [.catchUp, .scheduled, .scheduled])
    }

    @Test func aSuspendYieldsNoFiringWithSkip() {
        var driver = AgendaDriver(config: agendaConfig([water], catchUp: .skip))
        driver.step(at: agendaDay(9, 45))
        driver.step(at: agendaDay(15, 20))
        #expect(driver.actions(of: "water") == [
            .missed(reminderID: "water", MissedOccurrences(count: 11, earliestDue: agendaDay(10), latestDue: agendaDay(15))),
        ])
    }

    @Test func aReminderOverridesTheDaemonsCatchUpPolicy() {
        let quiet = agendaEvery("quiet", .minutes(30), catchUp: .skip)
        var driver = AgendaDriver(config: agendaConfig([water, quiet], catchUp: .once))
        driver.step(at: agendaDay(9, 45))
        driver.step(at: agendaDay(15, 20))
        #expect(driver.fires(of: "water").count == 1)
        #expect(driver.fires(of: "quiet").isEmpty)
    }

    @Test func anOnTimeOccurrenceMakesTheCatchUpUnneeded() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(9, 45))
        driver.step(at: agendaDay(15, 5))
        #expect(driver.actions(of: "water") == [
            .missed(reminderID: "water", MissedOccurrences(count: 10, earliestDue: agendaDay(10), latestDue: agendaDay(14, 30))),
            .fire(Firing(reminderID: "water", due: agendaDay(15), fireAt: agendaDay(15), reason: .scheduled)),
        ])
    }

    @Test func graceIsInclusive() {
        let grace = TimeSpan.minutes(10)
        let state = Agenda.step(config: agendaConfig([water], grace: grace), zone: .utc, state: .empty, now: agendaDay(9, 45)).state
        let onTime = Agenda.plan(config: agendaConfig([water], grace: grace, catchUp: .skip), zone: .utc, state: state, now: agendaDay(10) + grace)
        let late = Agenda.plan(config: agendaConfig([water], grace: grace, catchUp: .skip), zone: .utc, state: state,
                               now: agendaDay(10) + grace + TimeSpan(microseconds: 1))
        #expect(onTime.dueNow.count == 1)
        guard case .fire? = onTime.dueNow.first else { Issue.record("expected a firing, got \(onTime.dueNow)"); return }
        guard case .missed? = late.dueNow.first else { Issue.record("expected a miss, got \(late.dueNow)"); return }
    }

    @Test func missedInsideQuietHoursWaitForTheirEndThenCatchUpOnce() {
        let evening = agendaAt("evening", [agendaTime(21, 0)])
        let night = DailyWindow(start: agendaTime(22, 0), end: agendaTime(7, 0))
        var driver = AgendaDriver(config: agendaConfig([evening], quietHours: [night]))
        driver.step(at: agendaDay(20))
        let atThree = driver.step(at: agendaUTC(2026, 11, 26, 3))  // suspended 20:00-03:00
        #expect(atThree.actions.isEmpty)
        #expect(atThree.plan.entry(for: "evening")?.missedWaiting == MissedOccurrences(count: 1, earliestDue: agendaDay(21), latestDue: agendaDay(21)))
        #expect(atThree.plan.entry(for: "evening")?.next == Firing(reminderID: "evening", due: agendaDay(21), fireAt: agendaUTC(2026, 11, 26, 7), reason: .catchUp))
        #expect(driver.nextWake == agendaUTC(2026, 11, 26, 7))
        driver.run(through: agendaUTC(2026, 11, 26, 7))
        #expect(driver.actions(of: "evening") == [
            .missed(reminderID: "evening", MissedOccurrences(count: 1, earliestDue: agendaDay(21), latestDue: agendaDay(21))),
            .fire(Firing(reminderID: "evening", due: agendaDay(21), fireAt: agendaUTC(2026, 11, 26, 7), reason: .catchUp)),
        ])
        #expect(driver.nextWake == agendaUTC(2026, 11, 26, 21))
    }

    @Test func aVeryLongDowntimeIsSummarizedNotWalked() {
        let minutely = agendaEvery("minutely", .minutes(1))
        var driver = AgendaDriver(config: agendaConfig([minutely]))
        driver.step(at: agendaDay(9, 59, 30))
        let now = agendaUTC(2026, 12, 25, 10, 0, 30)  // 30 days later
        driver.step(at: now)
        let missed = driver.missed
        #expect(missed.count == 1)
        #expect(missed.first?.countIsLowerBound == true)
        #expect((missed.first?.count ?? 0) > Agenda.maximumOccurrencesCounted)
        #expect(missed.first?.latestDue == agendaUTC(2026, 12, 25, 9, 50))  // the last one beyond the 10-minute grace
        // The ten within grace collapse into one on-time firing: no catch-up, no burst.
        #expect(driver.fired.map(\.firing) == [Firing(reminderID: "minutely", due: agendaUTC(2026, 12, 25, 10), fireAt: agendaUTC(2026, 12, 25, 10), reason: .scheduled)])
        #expect(driver.nextWake == agendaUTC(2026, 12, 25, 10, 1))
    }

    // MARK: Clock steps

    @Test func aSmallBackwardClockStepIsWaitedOut() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(9, 45))
        driver.run(through: agendaDay(10))
        driver.step(at: agendaDay(9, 35))  // the clock is set back 25 minutes
        #expect(driver.nextWake == agendaDay(10, 30))
        driver.run(through: agendaDay(10, 30))
        #expect(driver.fired.map(\.firing.due) == [agendaDay(10), agendaDay(10, 30)])
    }

    @Test func aLargeBackwardClockStepRestartsPlanningInsteadOfStalling() {
        var driver = AgendaDriver(config: agendaConfig([water]))
        driver.step(at: agendaDay(9, 45))
        driver.run(through: agendaDay(10))
        let setBack = agendaUTC(2026, 11, 23, 8, 10)  // two days earlier
        driver.step(at: setBack)
        #expect(driver.fired.count == 1)
        #expect(driver.nextWake == agendaUTC(2026, 11, 23, 8, 30))
        #expect(driver.state.reminders["water"]?.handledThrough == setBack)
    }

    // MARK: Smart hydration rules

    @Test func aRecentDrinkSkipsAHydrationReminder() {
        let sip = agendaEvery("water", .minutes(30), skipIfLoggedWithin: .minutes(20))
        var driver = AgendaDriver(config: agendaConfig([sip, agendaAt("stretch", [agendaTime(10, 30)])]))
        driver.step(at: agendaDay(10, 5))
        driver.intake = IntakeFacts(lastDrink: agendaDay(10, 15), waterTodayMilliliters: 250)
        let plan = driver.step(at: agendaDay(10, 15)).plan
        #expect(plan.entry(for: "water")?.next?.due == agendaDay(11))
        #expect(plan.entry(for: "stretch")?.next?.due == agendaDay(10, 30))  // not a hydration reminder
        driver.run(through: agendaDay(11))
        #expect(driver.actions(of: "water") == [
            .skipped(reminderID: "water", due: agendaDay(10, 30), reason: .drinkLoggedRecently),
            .fire(Firing(reminderID: "water", due: agendaDay(11), fireAt: agendaDay(11), reason: .scheduled)),
        ])
    }

    @Test func hydrationStopsForTheDayOnceTheGoalIsMet() {
        let config = agendaConfig([water], waterGoal: 2000)
        var driver = AgendaDriver(config: config)
        driver.step(at: agendaDay(17, 5))
        driver.intake = IntakeFacts(lastDrink: agendaDay(17, 10), waterTodayMilliliters: 2000)
        #expect(driver.step(at: agendaDay(17, 10)).plan.entry(for: "water")?.next?.due == agendaUTC(2026, 11, 26, 0))
        // Below the goal nothing is skipped.
        let below = Agenda.plan(config: config, zone: .utc, state: driver.state, now: agendaDay(17, 10),
                                intake: IntakeFacts(waterTodayMilliliters: 1999))
        #expect(below.entry(for: "water")?.next?.due == agendaDay(17, 30))
        // A step that finds 17:30 due with the goal met records it as skipped.
        let later = Agenda.step(config: config, zone: .utc, state: driver.state, now: agendaDay(17, 31), intake: driver.intake)
        #expect(later.actions == [.skipped(reminderID: "water", due: agendaDay(17, 30), reason: .waterGoalMet)])
    }

    @Test func aCatchUpIsSkippedWhenTheDrinkWasLoggedAlready() {
        let sip = agendaEvery("water", .minutes(30), skipIfLoggedWithin: .minutes(20))
        var driver = AgendaDriver(config: agendaConfig([sip]))
        driver.step(at: agendaDay(9, 45))
        driver.intake = IntakeFacts(lastDrink: agendaDay(15, 18))
        driver.step(at: agendaDay(15, 20))
        #expect(driver.fired.isEmpty)
        // The occurrences of the suspend were missed (a later drink does not change that); only the catch-up is skipped.
        #expect(driver.actions(of: "water") == [
            .missed(reminderID: "water", MissedOccurrences(count: 11, earliestDue: agendaDay(10), latestDue: agendaDay(15))),
            .skipped(reminderID: "water", due: agendaDay(15), reason: .drinkLoggedRecently),
        ])
    }

    @Test func anIntakeSkipIsJudgedAtItsOwnTime() {
        let sip = agendaEvery("water", .minutes(30), skipIfLoggedWithin: .minutes(20))
        var driver = AgendaDriver(config: agendaConfig([sip]))
        driver.intake = IntakeFacts(lastDrink: agendaDay(10, 15))
        driver.step(at: agendaDay(10, 16))
        #expect(driver.step(at: agendaDay(10, 16)).plan.entry(for: "water")?.next?.due == agendaDay(11))
        #expect(driver.nextWake == agendaDay(10, 30))  // to record the skip with today's facts
        driver.step(at: agendaDay(10, 30))
        driver.intake = IntakeFacts(lastDrink: agendaDay(10, 50))  // a later drink
        driver.step(at: agendaDay(10, 50))
        driver.run(through: agendaDay(11, 30))
        #expect(driver.actions(of: "water") == [
            .skipped(reminderID: "water", due: agendaDay(10, 30), reason: .drinkLoggedRecently),
            .skipped(reminderID: "water", due: agendaDay(11), reason: .drinkLoggedRecently),
            .fire(Firing(reminderID: "water", due: agendaDay(11, 30), fireAt: agendaDay(11, 30), reason: .scheduled)),
        ])
    }

    // MARK: Config changes

    @Test func disabledAndRemovedRemindersLoseTheirState() {
        var disabled = agendaAt("stretch", [agendaTime(8, 0)])
        disabled.enabled = false
        let start = Agenda.step(config: agendaConfig([water, agendaAt("stretch", [agendaTime(8, 0)]), agendaAt("gone", [agendaTime(9, 0)])]),
                                zone: .utc, state: .empty, now: agendaDay(7)).state
        #expect(start.reminders.keys.sorted() == ["gone", "stretch", "water"])
        let step = Agenda.step(config: agendaConfig([water, disabled]), zone: .utc, state: start, now: agendaDay(7, 5))
        #expect(step.state.reminders.keys.sorted() == ["water"])
        #expect(step.plan.entries.map(\.reminderID) == ["water"])
    }

    @Test func aChangedScheduleOwesNothingFromTheOldOne() {
        let old = agendaConfig([water])
        let new = agendaConfig([agendaEvery("water", .minutes(5))])
        var state = Agenda.step(config: old, zone: .utc, state: .empty, now: agendaDay(10)).state
        state = Agenda.reconcile(previous: old, current: new, state: state, now: agendaDay(10, 20))
        let step = Agenda.step(config: new, zone: .utc, state: state, now: agendaDay(10, 20))
        #expect(step.actions.isEmpty)
        #expect(step.nextWake == agendaDay(10, 25))
        // Without reconciling, the denser schedule would fire at once for 10:15.
        let unreconciled = Agenda.step(config: new, zone: .utc, state: Agenda.step(config: old, zone: .utc, state: .empty, now: agendaDay(10)).state,
                                       now: agendaDay(10, 20))
        #expect(unreconciled.actions.contains { if case .fire = $0 { true } else { false } })
    }
}
