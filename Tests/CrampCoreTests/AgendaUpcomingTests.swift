import TestSupport
import Testing
@testable import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in

/// `Agenda.upcoming` (what `crampd ctl next` lists) against the daemon's own loop: step at
/// each wake, with the diary's facts read afresh at that time. They must agree exactly,
/// smart skips and the dose cap included, so `ctl next` never lists what will not fire or leaves out what will.
@Suite struct AgendaUpcomingTests {
    static let seeds: [UInt64] = Array(1...12)

    /// What the daemon does between two `ctl next`: step at every wake with the diary's
    /// facts at that moment, until `count` firings.
    static func simulateDaemon(config: Config, zone: Zone, state: AgendaState, now: Instant,
                               diary: DiaryRecords, count: Int) -> [Firing] {
        func facts(at t: Instant) -> IntakeFacts {
            SmartReminderFacts.compute(records: diary, goals: config.goals, zone: zone, now: t).intake
        }
        var step = Agenda.step(config: config, zone: zone, state: state, now: now, intake: facts(at: now))
        var fired: [Firing] = []
        var wakes = 0
        while fired.count < count, let wake = step.nextWake, wakes < 10_000 {
            wakes += 1
            step = Agenda.step(config: config, zone: zone, state: step.state, now: wake, intake: facts(at: wake))
            for case .fire(let firing) in step.actions { fired.append(firing) }
        }
        return Array(fired.prefix(count))
    }

    /// Hydration reminders with the smart rules, a dose reminder with a cap, others plain; a
    /// water goal; drinks and doses logged before `now`; some state changes (snooze, skip,
    /// pause, done) as `ctl` makes them.
    @Test(arguments: seeds)
    func nextListsExactlyWhatTheDaemonWillFire(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let zone = try Zone.named(seed % 2 == 0 ? "Europe/Berlin" : "America/New_York")
        var reminders = AgendaPropertyTests.randomReminders(&random, count: 4)
        reminders.append(agendaEvery("water", .minutes(Int64(20 * random.int(1...6))),
                                     windows: [DailyWindow(start: agendaTime(8, 0), end: agendaTime(21, 0))],
                                     skipIfLoggedWithin: .minutes(Int64(10 * random.int(1...9)))))
        let doseTimes = Set((0..<random.int(1...4)).map { _ in random.int(0...71) }).sorted().map { TimeOfDay(hour: $0 / 3, minute: ($0 % 3) * 20) }
        reminders.append(Reminder(id: "magnesium", kind: .electrolyte, electrolyte: .magnesium, message: "Take your magnesium",
                                  amount: 200, schedule: .at(AtSchedule(times: doseTimes))))
        var quiet: [DailyWindow] = []
        if random.bool() { quiet = [DailyWindow(start: agendaTime(22, 0), end: agendaTime(7, 0))] }
        var config = agendaConfig(reminders, quietHours: quiet, waterGoal: random.pick([nil, 500, 1500]))
        config.goals.capMilligrams = random.pick([[:], [.magnesium: 250], [.magnesium: 450]])
        let now = agendaUTC(2026, 11, 25, random.int(0...23), random.int(0...59))
        var diary = DiaryRecords()
        for _ in 0..<random.int(0...6) {
            diary.drinks.append(Drink(milliliters: 250, time: now - random.span(0...600, unit: .minutes(1))))
        }
        for _ in 0..<random.int(0...2) {
            diary.doses.append(Dose(electrolyte: .magnesium, milligrams: 150, time: now - random.span(0...600, unit: .minutes(1))))
        }
        var state = Agenda.step(config: config, zone: zone, state: .empty, now: now - .hours(3)).state
        for _ in 0..<random.int(0...3) {
            let id = random.pick(config.reminders).id
            switch random.int(0...3) {
            case 0: state = state.recordingSnooze(id, until: now + random.span(1...90, unit: .minutes(1)), now: now)
            case 1: state = state.recordingSkip(id, now: now)
            case 2: state = state.paused(now: now, until: now + random.span(1...240, unit: .minutes(1)))
            default: state = state.recordingDone(id, at: now)
            }
        }
        let intake = SmartReminderFacts.compute(records: diary, goals: config.goals, zone: zone, now: now).intake
        let predicted = Agenda.upcoming(config: config, zone: zone, state: state, now: now, intake: intake, count: 60)
        let fired = Self.simulateDaemon(config: config, zone: zone, state: state, now: now, diary: diary, count: 60)
        #expect(predicted.count == 60)
        #expect(predicted == fired)
    }

    /// A drink late in the evening still skips the first reminder after midnight: the last
    /// drink is not forgotten when the day's totals start again.
    @Test func aDrinkBeforeMidnightSkipsTheFirstReminderAfterIt() {
        let water = agendaEvery("water", .minutes(30), skipIfLoggedWithin: .minutes(45))
        let config = agendaConfig([water])
        let now = agendaUTC(2026, 11, 25, 23, 40)
        let state = Agenda.step(config: config, zone: .utc, state: .empty, now: now - .hours(1)).state
        let intake = IntakeFacts(lastDrink: now - .minutes(5), waterTodayMilliliters: 250)
        let next = Agenda.upcoming(config: config, zone: .utc, state: state, now: now, intake: intake, count: 2)
        #expect(next.map(\.due) == [agendaUTC(2026, 11, 26, 0, 30), agendaUTC(2026, 11, 26, 1, 0)])
    }
}
