import Testing
@testable import CrampCore

/// The pure state changes behind the control commands, and how the agenda reads them.
@Suite struct AgendaTransitionTests {
    let water = agendaEvery("water", .minutes(30))

    @Test func aCommandOnAReminderWithoutStateStartsItAtNow() {
        let state = AgendaState.empty.recordingDone("water", at: agendaDay(10, 5))
        #expect(state.reminders["water"] == ReminderState(handledThrough: agendaDay(10, 5), lastDone: agendaDay(10, 5)))
    }

    @Test func snoozeCancelsAPendingSkip() {
        var state = AgendaState.empty.recordingSkip("water", now: agendaDay(10, 5))
        #expect(state.reminders["water"]?.skipNext == true)
        state = state.recordingSnooze("water", until: agendaDay(10, 20), now: agendaDay(10, 6))
        #expect(state.reminders["water"]?.skipNext == false)
        #expect(state.reminders["water"]?.snoozedUntil == agendaDay(10, 20))
    }

    @Test func extendingAPauseKeepsItsStartAndAnEndedOneIsReplaced() {
        let first = AgendaState.empty.paused(now: agendaDay(9), until: agendaDay(10))
        #expect(first.paused(now: agendaDay(9, 30), until: agendaDay(11)).pause == Pause(since: agendaDay(9), until: agendaDay(11)))
        #expect(first.paused(now: agendaDay(10, 30), until: nil).pause == Pause(since: agendaDay(10, 30), until: nil))
    }

    @Test func resumeEndsThePauseNowAndTheNextStepDropsIt() {
        let paused = AgendaState.empty.paused(now: agendaDay(9), until: agendaDay(12))
        let resumed = paused.resumed(now: agendaDay(10))
        #expect(resumed.pause == Pause(since: agendaDay(9), until: agendaDay(10)))
        #expect(AgendaState.empty.resumed(now: agendaDay(10)) == .empty)
        let step = Agenda.step(config: agendaConfig([water]), zone: .utc, state: resumed, now: agendaDay(10))
        #expect(step.state.pause == nil)
    }

    @Test func aPauseEndingLaterIsKeptAndItsEndIsNotAWake() {
        let paused = AgendaState.empty.paused(now: agendaDay(9), until: agendaDay(12, 10))
        let step = Agenda.step(config: agendaConfig([water]), zone: .utc, state: paused, now: agendaDay(9, 5))
        #expect(step.state.pause == paused.pause)
        #expect(step.nextWake == agendaDay(12, 30))  // the first firing after the pause
    }

    @Test func aSnoozeEndingInQuietHoursWaitsForTheirEnd() {
        let night = DailyWindow(start: agendaTime(22, 0), end: agendaTime(7, 0))
        let evening = agendaAt("evening", [agendaTime(21, 30)])
        var state = Agenda.step(config: agendaConfig([evening], quietHours: [night]), zone: .utc, state: .empty, now: agendaDay(21, 31)).state
        state = state.recordingSnooze("evening", until: agendaDay(22, 31), now: agendaDay(21, 31))
        let plan = Agenda.plan(config: agendaConfig([evening], quietHours: [night]), zone: .utc, state: state, now: agendaDay(21, 32))
        #expect(plan.entry(for: "evening")?.next == Firing(reminderID: "evening", due: agendaDay(22, 31),
                                                           fireAt: agendaUTC(2026, 11, 26, 7), reason: .snoozed))
    }

    @Test func missedInQuietHoursWithSkipAreRecordedAtTheirEndAndNothingFires() {
        let night = DailyWindow(start: agendaTime(22, 0), end: agendaTime(7, 0))
        let evening = agendaAt("evening", [agendaTime(21, 0)], catchUp: .skip)
        var driver = AgendaDriver(config: agendaConfig([evening], quietHours: [night]))
        driver.step(at: agendaDay(20))
        let atThree = driver.step(at: agendaUTC(2026, 11, 26, 3))
        #expect(atThree.plan.entry(for: "evening")?.next?.fireAt == agendaUTC(2026, 11, 26, 21))
        #expect(driver.nextWake == agendaUTC(2026, 11, 26, 7))
        driver.step(at: agendaUTC(2026, 11, 26, 7))
        #expect(driver.actions(of: "evening") == [.missed(reminderID: "evening", MissedOccurrences(count: 1, earliestDue: agendaDay(21), latestDue: agendaDay(21)))])
        #expect(driver.fired.isEmpty)
    }

    @Test func aStaleSnoozeIsDropped() {
        // A snooze that ends before what is already handled (e.g. the clock moved) means nothing.
        var state = Agenda.step(config: agendaConfig([water]), zone: .utc, state: .empty, now: agendaDay(10, 31)).state
        state.reminders["water"]?.snoozedUntil = agendaDay(10, 20)
        let step = Agenda.step(config: agendaConfig([water]), zone: .utc, state: state, now: agendaDay(10, 32))
        #expect(step.actions.isEmpty)
        #expect(step.state.reminders["water"]?.snoozedUntil == nil)
        #expect(step.nextWake == agendaDay(11))
    }
}
