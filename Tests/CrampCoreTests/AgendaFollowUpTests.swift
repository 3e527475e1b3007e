import TestSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import CrampCore

/// Issue 17 part 1: follow-ups until done (`repeat`, `repeat_max`).
@Suite struct AgendaFollowUpTests {
    /// A bedtime dose at 21:00 that follows up every 15 minutes, twice.
    static func bedtime(repeat interval: TimeSpan = .minutes(15), max: Int = 2) -> Reminder {
        var reminder = agendaAt("magnesium", [agendaTime(21, 0)], kind: .electrolyte)
        reminder.electrolyte = .magnesium
        reminder.amount = 200
        reminder.followUp = FollowUp(interval: interval, maximum: max)
        return reminder
    }

    static func driver(_ reminders: [Reminder], quietHours: [DailyWindow] = [], caps: [Electrolyte: Int] = [:]) -> AgendaDriver {
        var config = agendaConfig(reminders, quietHours: quietHours)
        config.goals.capMilligrams = caps
        var driver = AgendaDriver(config: config)
        driver.step(at: agendaDay(20, 0))
        return driver
    }

    /// (when, reason, follow-up number) of each firing.
    static func fires(_ driver: AgendaDriver) -> [(Instant, FiringReason, Int?)] {
        driver.fired.map { ($0.at, $0.firing.reason, $0.firing.followUp?.number) }
    }

    static func unanswered(_ driver: AgendaDriver) -> [MissedOccurrences] { driver.missed.filter { $0.unansweredFollowUps != nil } }

    @Test func anUnansweredOccurrenceComesAgainEveryRepeatThenIsMissedOnce() {
        var driver = Self.driver([Self.bedtime()])
        driver.run(through: agendaDay(23, 0))
        let fires = Self.fires(driver)
        #expect(fires.map(\.0) == [agendaDay(21, 0), agendaDay(21, 15), agendaDay(21, 30)])
        #expect(fires.map(\.1) == [.scheduled, .followUp, .followUp])
        #expect(fires.map(\.2) == [nil, 1, 2])
        // Every follow-up stands for the original occurrence, and the last one is the last.
        #expect(driver.fired.dropFirst().allSatisfy { $0.firing.due == agendaDay(21, 0) })
        #expect(driver.fired.last?.firing.followUp?.isLast == true)
        #expect(Self.unanswered(driver) == [MissedOccurrences(count: 1, earliestDue: agendaDay(21, 0), latestDue: agendaDay(21, 0),
                                                                unansweredFollowUps: 2)])
        #expect(driver.actions.first { if case .missed = $0.action { true } else { false } }?.at == agendaDay(21, 45))
        #expect(driver.nextWake == agendaUTC(2026, 11, 26, 21, 0))
        #expect(driver.state.reminders["magnesium"]?.followUp == nil)
    }

    @Test func doneAfterTheFirstFollowUpStopsThem() {
        var driver = Self.driver([Self.bedtime()])
        driver.run(through: agendaDay(21, 20))
        driver.state = driver.state.recordingDone("magnesium", at: agendaDay(21, 20))
        driver.step(at: agendaDay(21, 20))
        driver.run(through: agendaDay(23, 0))
        #expect(Self.fires(driver).map(\.0) == [agendaDay(21, 0), agendaDay(21, 15)])
        #expect(driver.missed.isEmpty)
    }

    @Test func aSnoozeStopsThemAndItsEndFollowsUpAfresh() {
        var driver = Self.driver([Self.bedtime()])
        driver.run(through: agendaDay(21, 20))
        driver.state = driver.state.recordingSnooze("magnesium", until: agendaDay(21, 40), now: agendaDay(21, 20))
        driver.step(at: agendaDay(21, 20))
        driver.run(through: agendaDay(23, 0))
        let fires = Self.fires(driver)
        #expect(fires.map(\.0) == [agendaDay(21, 0), agendaDay(21, 15), agendaDay(21, 40), agendaDay(21, 55), agendaDay(22, 10)])
        #expect(fires.map(\.2) == [nil, 1, nil, 1, 2])
        #expect(Self.unanswered(driver).map(\.latestDue) == [agendaDay(21, 40)])
    }

    @Test func aSkipDropsThePendingFollowUpAsTheNextFiring() {
        var driver = Self.driver([Self.bedtime()])
        driver.run(through: agendaDay(21, 5))
        driver.state = driver.state.recordingSkip("magnesium", now: agendaDay(21, 5))
        #expect(driver.state.reminders["magnesium"]?.skipNext == false)  // the follow-up was the firing skipped
        driver.step(at: agendaDay(21, 5))
        driver.run(through: agendaUTC(2026, 11, 26, 21, 5))
        #expect(Self.fires(driver).map(\.0) == [agendaDay(21, 0), agendaUTC(2026, 11, 26, 21, 0)])
        #expect(Self.unanswered(driver).isEmpty)
    }

    @Test func aFollowUpInQuietHoursWaitsForTheirEnd() {
        var driver = Self.driver([Self.bedtime()], quietHours: [DailyWindow(start: agendaTime(21, 10), end: agendaTime(21, 40))])
        driver.run(through: agendaDay(23, 0))
        #expect(Self.fires(driver).map(\.0) == [agendaDay(21, 0), agendaDay(21, 40), agendaDay(21, 55)])
        #expect(Self.unanswered(driver).count == 1)
    }

    @Test func aFollowUpWaitsOutAPauseAndNeverFiresInIt() {
        var driver = Self.driver([Self.bedtime()])
        driver.run(through: agendaDay(21, 5))
        driver.state = driver.state.paused(now: agendaDay(21, 5), until: agendaDay(21, 50))
        driver.step(at: agendaDay(21, 5))
        driver.run(through: agendaDay(23, 0))
        #expect(Self.fires(driver).map(\.0) == [agendaDay(21, 0), agendaDay(21, 50), agendaDay(22, 5)])
    }

    @Test func aNewerOccurrenceEndsTheFollowUpsOfTheOlderOneAsMissed() {
        var reminder = agendaEvery("water", .minutes(20))
        reminder.followUp = FollowUp(interval: .minutes(15), maximum: 3)
        var driver = AgendaDriver(config: agendaConfig([reminder]))
        driver.step(at: agendaDay(10, 0))
        driver.run(through: agendaDay(10, 45))
        #expect(Self.fires(driver).map(\.0) == [agendaDay(10, 20), agendaDay(10, 35), agendaDay(10, 40)])
        #expect(Self.unanswered(driver).map(\.latestDue) == [agendaDay(10, 20)])
        #expect(Self.unanswered(driver).first?.unansweredFollowUps == 1)
    }

    @Test func aDoseLoggedMeanwhileThatReachesTheCapAnswersTheFollowUp() {
        var driver = Self.driver([Self.bedtime()], caps: [.magnesium: 350])
        driver.run(through: agendaDay(21, 5))
        driver.intake = IntakeFacts(electrolyteTodayMilligrams: [.magnesium: 200])
        driver.run(through: agendaDay(23, 0))
        #expect(Self.fires(driver).map(\.0) == [agendaDay(21, 0)])
        #expect(driver.actions(of: "magnesium").contains { if case .skipped(_, agendaDay(21, 0), .dailyCapReached) = $0 { true } else { false } })
        #expect(Self.unanswered(driver).isEmpty)
    }

    @Test func theEventRateLimitCountsFollowUpsLikeAnyEvent() {
        // 25 reminders due at once, each following up a minute later: the burst of 20 is spent
        // by the first firings, so the follow-ups a minute later get only the 4 slots that refilled.
        let reminders = (0..<25).map { i -> Reminder in
            var reminder = agendaAt("r\(i)", [agendaTime(21, 0)])
            reminder.followUp = FollowUp(interval: .minutes(1), maximum: 1)
            return reminder
        }
        var driver = Self.driver(reminders)
        driver.run(through: agendaDay(21, 1))
        #expect(driver.fired.filter { $0.at == agendaDay(21, 0) }.count == 20)
        #expect(driver.fired.filter { $0.at == agendaDay(21, 1) && $0.firing.reason == .followUp }.count == 4)
    }

    @Test func thePlanShowsThePendingFollowUpAndNextListsThem() {
        var driver = Self.driver([Self.bedtime()])
        driver.run(through: agendaDay(21, 15))
        let plan = Agenda.plan(config: driver.config, zone: .utc, state: driver.state, now: agendaDay(21, 20))
        #expect(plan.entry(for: "magnesium")?.followUp == PendingFollowUp(fireAt: agendaDay(21, 30), number: 2, of: 2, due: agendaDay(21, 0)))
        #expect(plan.nextWake == agendaDay(21, 30))
        let upcoming = Agenda.upcoming(config: driver.config, zone: .utc, state: driver.state, now: agendaDay(21, 20), count: 3)
        #expect(upcoming.map(\.fireAt) == [agendaDay(21, 30), agendaUTC(2026, 11, 26, 21, 0), agendaUTC(2026, 11, 26, 21, 15)])
        #expect(upcoming.map(\.reason) == [.followUp, .scheduled, .followUp])
        // After the last follow-up, none is pending, but the wake for the miss stays.
        driver.run(through: agendaDay(21, 30))
        let later = Agenda.plan(config: driver.config, zone: .utc, state: driver.state, now: agendaDay(21, 35))
        #expect(later.entry(for: "magnesium")?.followUp == nil)
        #expect(later.nextWake == agendaDay(21, 45))
    }

    @Test func takingOutRepeatEndsPendingFollowUpsWithoutAMiss() {
        var driver = Self.driver([Self.bedtime()])
        driver.run(through: agendaDay(21, 5))
        driver.config.reminders[0].followUp = nil
        driver.step(at: agendaDay(21, 6))
        driver.run(through: agendaUTC(2026, 11, 26, 21, 5))
        #expect(Self.fires(driver).map(\.0) == [agendaDay(21, 0), agendaUTC(2026, 11, 26, 21, 0)])
        #expect(driver.missed.isEmpty)
        #expect(driver.state.reminders["magnesium"]?.followUp == nil)
    }

    @Test func aStateOfTheFormatBeforeFollowUpsLoadsWithoutThem() throws {
        let v2 = #"{"version":2,"reminders":{"magnesium":{"handledThrough":1796584861384715,"skipNext":false}},"rateLimit":{"fullAt":0}}"#
        let state = try JSONDecoder().decode(AgendaState.self, from: Data(v2.utf8))
        #expect(state.reminders["magnesium"]?.followUp == nil)
    }

    @Test func outOfRangeFollowUpsAreRepairedNotFatal() {
        var state = ReminderState(handledThrough: agendaDay(21))
        state.followUp = FollowUpState(due: agendaDay(21), repeats: 99, nextAt: agendaDay(21, 15))
        let repaired = AgendaState(reminders: ["m": state]).keepingInstantsInBounds()
        #expect(repaired.state.reminders["m"]?.followUp == nil)
        #expect(repaired.repairs.count == 1)
    }

    /// Across any sequence of done, snooze, skip and restart (the state saved and read back):
    /// never more than `repeat_max` follow-ups per occurrence, never one after its answer, and the
    /// miss of an unanswered occurrence recorded exactly once.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    func followUpsKeepTheirPromisesWhateverHappens(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let maximum = random.int(1...4)
        var reminder = agendaEvery("water", .minutes(Int64(random.pick([30, 60, 90]))))
        reminder.followUp = FollowUp(interval: random.span(1...25, unit: .minutes(1)), maximum: maximum)
        var driver = AgendaDriver(config: agendaConfig([reminder]))
        var now = agendaDay(8, 0, 7)
        driver.step(at: now)
        var answered: [Instant: Instant] = [:]  // occurrence due → when it was answered
        let end = agendaUTC(2026, 11, 27, 8)
        while now < end {
            // The daemon wakes at its timer, or earlier for a command.
            let byCommand = now + random.span(1...40, unit: .seconds(37))
            let wake = driver.nextWake.map { min($0, byCommand) } ?? byCommand
            now = wake
            if wake == byCommand {
                // Done, snooze and skip answer the occurrence being followed up, if one is.
                let pending = driver.state.reminders["water"]?.followUp?.due
                let command = random.int(0...9)
                switch command {
                case 0: driver.state = driver.state.recordingDone("water", at: now)
                case 1: driver.state = driver.state.recordingSnooze("water", until: now + random.span(1...30, unit: .minutes(1)), now: now)
                case 2: driver.state = driver.state.recordingSkip("water", now: now)
                case 3, 4:
                    driver.state = try JSONDecoder().decode(AgendaState.self, from: JSONEncoder().encode(driver.state)).started(at: now)
                default: break
                }
                if let pending, command <= 2, answered[pending] == nil { answered[pending] = now }
            }
            driver.step(at: now)
        }
        var followUps: [Instant: [Instant]] = [:]
        for fired in driver.fired where fired.firing.reason == .followUp { followUps[fired.firing.due, default: []].append(fired.at) }
        var misses: [Instant: Int] = [:]
        for missed in Self.unanswered(driver) { misses[missed.latestDue, default: 0] += 1 }
        let stillPending = driver.state.reminders["water"]?.followUp?.due
        for fired in driver.fired where fired.firing.reason != .followUp {
            let due = fired.firing.due
            #expect((followUps[due]?.count ?? 0) <= maximum, "seed \(seed): too many follow-ups of \(due)")
            if let answer = answered[due] {
                #expect(followUps[due, default: []].allSatisfy { $0 < answer }, "seed \(seed): a follow-up of \(due) after its answer")
                #expect(misses[due] == nil, "seed \(seed): \(due) answered yet missed")
            } else if due != stillPending {
                #expect(misses[due] == 1, "seed \(seed): the miss of \(due) recorded \(misses[due] ?? 0) times")
            }
        }
        #expect(!driver.fired.filter { $0.firing.reason == .followUp }.isEmpty, "seed \(seed): no follow-up happened at all")
    }
}
