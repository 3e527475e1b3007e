import FoundationEssentials
import Testing
@testable import CrampCore

/// Issue 16 item 4: what fell due while the machine slept is caught up once, like downtime,
/// but named for what happened, with its real lateness.
@Suite struct SleepCatchUpTests {
    @Test func aCatchUpAfterASleepSaysTheMachineSlept() {
        let config = agendaConfig([agendaEvery("water", .hours(1))])
        var driver = AgendaDriver(config: config)
        driver.state = AgendaState.empty.started(at: agendaDay(9, 30))
        driver.step(at: agendaDay(9, 30))
        // Suspended from 9:50 to 11:40: 10:00 and 11:00 fell due meanwhile; one catch-up for the latest.
        driver.state = driver.state.fallingAsleep(at: agendaDay(9, 50)).wakingUp(at: agendaDay(11, 40))
        let step = driver.step(at: agendaDay(11, 40))
        let fired = step.actions.filter { if case .fire = $0 { true } else { false } }
        #expect(fired == [.fire(Firing(reminderID: "water", due: agendaDay(11), fireAt: agendaDay(11, 40), reason: .catchUp,
                                       lateWhileRunning: true, whileAsleep: true))])
        #expect(step.actions.contains { if case .missed(_, let missed) = $0 { missed.whileAsleep && missed.count == 2 } else { false } })
    }

    /// The daemon's timer can fire on resume before logind's "woke up" arrives: the open sleep counts until now.
    @Test func aSleepNotYetEndedCoversUntilNow() {
        let config = agendaConfig([agendaEvery("water", .hours(1))])
        var driver = AgendaDriver(config: config)
        driver.state = AgendaState.empty.started(at: agendaDay(9, 30))
        driver.step(at: agendaDay(9, 30))
        driver.state = driver.state.fallingAsleep(at: agendaDay(9, 50))
        let step = driver.step(at: agendaDay(10, 40))
        #expect(step.actions.contains(.fire(Firing(reminderID: "water", due: agendaDay(10), fireAt: agendaDay(10, 40), reason: .catchUp,
                                                   lateWhileRunning: true, whileAsleep: true))))
    }

    @Test func lateOutsideASleepIsStillHeldUp() {
        let config = agendaConfig([agendaEvery("water", .hours(1))])
        var driver = AgendaDriver(config: config)
        driver.state = AgendaState.empty.started(at: agendaDay(9, 30)).fallingAsleep(at: agendaDay(8)).wakingUp(at: agendaDay(8, 30))
        driver.step(at: agendaDay(9, 30))
        let step = driver.step(at: agendaDay(10, 40))
        #expect(step.actions.contains(.fire(Firing(reminderID: "water", due: agendaDay(10), fireAt: agendaDay(10, 40), reason: .catchUp,
                                                   lateWhileRunning: true, whileAsleep: false))))
    }

    @Test func theStepKeepsTheSleeps() {
        let config = agendaConfig([agendaEvery("water", .hours(1))])
        var driver = AgendaDriver(config: config)
        driver.state = AgendaState.empty.fallingAsleep(at: agendaDay(9, 50))
        driver.step(at: agendaDay(10))
        #expect(driver.state.sleeps == [SleepSpan(from: agendaDay(9, 50), until: nil)])
    }

    @Test func onlyTheLatestSleepsAreKept() {
        var state = AgendaState.empty
        for hour in 0..<20 { state = state.fallingAsleep(at: agendaDay(hour)).wakingUp(at: agendaDay(hour, 30)) }
        #expect(state.sleeps.count == AgendaState.maximumSleepsKept)
        #expect(state.sleeps.last == SleepSpan(from: agendaDay(19), until: agendaDay(19, 30)))
    }

    @Test func aSleepWhoseWakeWasNeverSeenEndsAtTheNextOne() {
        let state = AgendaState.empty.fallingAsleep(at: agendaDay(9)).fallingAsleep(at: agendaDay(12))
        #expect(state.sleeps == [SleepSpan(from: agendaDay(9), until: agendaDay(12)), SleepSpan(from: agendaDay(12), until: nil)])
        // A wake without a sleep (crampd started while the machine slept) records nothing.
        #expect(AgendaState.empty.wakingUp(at: agendaDay(9)).sleeps.isEmpty)
    }

    @Test func theSleepsReadBackAndFormat3StillLoads() throws {
        let state = AgendaState.empty.fallingAsleep(at: agendaDay(9)).wakingUp(at: agendaDay(10)).fallingAsleep(at: agendaDay(11))
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(AgendaState.self, from: data) == state)
        let format3 = #"{"version":3,"reminders":{}}"#
        #expect(try JSONDecoder().decode(AgendaState.self, from: Data(format3.utf8)).sleeps == [])
    }

    @Test func aSleepOutOfBoundsIsForgotten() {
        let state = AgendaState(sleeps: [SleepSpan(from: Instant(microseconds: -5), until: agendaDay(9)), SleepSpan(from: agendaDay(10), until: nil)])
        let (repaired, repairs) = state.keepingInstantsInBounds()
        #expect(repaired.sleeps == [SleepSpan(from: agendaDay(10), until: nil)])
        #expect(repairs == ["sleeps: from -5 is outside the years 1970 to 9999; that sleep is forgotten"])
    }
}
