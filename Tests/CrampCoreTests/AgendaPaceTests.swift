import FoundationEssentials
import TestSupport
import Testing
@testable import CrampCore

/// Issue 17 part 2: `[goals] water_checkpoints` and `pace = true`, over simulated days.
@Suite struct AgendaPaceTests {
    static let checkpoints = [WaterCheckpoint(time: agendaTime(12, 0), milliliters: 800),
                              WaterCheckpoint(time: agendaTime(16, 0), milliliters: 1500)]

    static func config(quietHours: [DailyWindow] = [], reminders: [Reminder] = []) -> Config {
        var config = agendaConfig(reminders, quietHours: quietHours, waterGoal: 2000)
        config.goals.waterCheckpoints = checkpoints
        return config
    }

    /// Steps like the daemon from `start` through `end`, with the water of each moment from
    /// `water`; returns the behind notices with the time they were told.
    static func simulate(_ config: Config, from start: Instant, through end: Instant, state: inout AgendaState,
                         pausedAt pause: Pause? = nil, water: (Instant) -> (today: Int, lastHour: Int)) -> [(at: Instant, notice: BehindNotice)] {
        var told: [(Instant, BehindNotice)] = []
        var now = start
        var steps = 0
        while now <= end, steps < 10_000 {
            steps += 1
            if let pause { state.pause = pause }
            let (today, lastHour) = water(now)
            var intake = IntakeFacts(waterTodayMilliliters: today)
            intake.waterLastHourMilliliters = lastHour
            let step = Agenda.step(config: config, zone: .utc, state: state, now: now, intake: intake)
            state = step.state
            if let notice = step.behind { told.append((now, notice)) }
            guard let wake = step.nextWake else { break }
            now = wake
        }
        return told
    }

    @Test func aCheckpointBehindTellsOnceAndOneOnTrackSaysNothing() {
        var state = AgendaState.empty
        // 600 ml by noon, 1500 by 16:00; the next day nothing at all until 12:00.
        let told = Self.simulate(Self.config(), from: agendaDay(8), through: agendaUTC(2026, 11, 26, 13), state: &state) { now in
            if now < agendaDay(16) { return (600, 0) }
            if now < agendaUTC(2026, 11, 26) { return (1500, 0) }
            return (0, 0)
        }
        #expect(told.map(\.at) == [agendaDay(12), agendaUTC(2026, 11, 26, 12)])
        #expect(told[0].notice.message == "600 of 800 ml by 12:00: drink about 200 ml now.")
        #expect(told[0].notice.due == agendaDay(12))
        #expect(!told[0].notice.farBehind)
        // Far behind: at most 500 ml now, and a drink with electrolytes.
        #expect(told[1].notice.suggestedMilliliters == 500)
        #expect(told[1].notice.farBehind)
        #expect(told[1].notice.message == "0 of 800 ml by 12:00: drink about 500 ml now and spread the rest over the coming hours (at most 500 ml at once and 1 L an hour). The day is far behind: make one of the drinks one with electrolytes (an oral rehydration drink or broth); a lot of plain water alone can dilute the body's salts further.")
    }

    @Test func theCatchUpCountsTheLastHour() {
        #expect(WaterPace.catchUp(deficit: 700, drankLastHour: 800) == 200)
        #expect(WaterPace.catchUp(deficit: 700, drankLastHour: 1000) == 0)
        #expect(WaterPace.catchUp(deficit: 300, drankLastHour: 0) == 300)
        let notice = BehindNotice(checkpoint: Self.checkpoints[1], due: agendaDay(16), waterMilliliters: 1000, drankLastHourMilliliters: 1000)
        #expect(notice.message == "1000 of 1500 ml by 16:00: you drank 1000 ml in the last hour already; spread the rest over the coming hours rather than drinking more now.")
        // Property: whatever the day, never more than 500 ml at once nor 1 L within the hour.
        var random = SplitMix64(seed: 17)
        for _ in 0..<1_000 {
            let deficit = Int(random.next() % 3_000), lastHour = Int(random.next() % 1_500)
            let suggested = WaterPace.catchUp(deficit: deficit, drankLastHour: lastHour)
            #expect(suggested >= 0 && suggested <= 500 && suggested <= deficit && suggested + min(lastHour, 1000) <= 1000)
        }
    }

    @Test func quietHoursPauseAndARestartAreRespected() throws {
        // 12:00 inside quiet hours 11:30-12:30: told at 12:30, once.
        var state = AgendaState.empty
        let quiet = [DailyWindow(start: agendaTime(11, 30), end: agendaTime(12, 30))]
        let told = Self.simulate(Self.config(quietHours: quiet), from: agendaDay(8), through: agendaDay(13), state: &state) { _ in (0, 0) }
        #expect(told.map(\.at) == [agendaDay(12, 30)])
        // Paused: nothing, and nothing caught up after.
        var paused = AgendaState.empty
        let silent = Self.simulate(Self.config(), from: agendaDay(8), through: agendaDay(15), state: &paused,
                                   pausedAt: Pause(since: agendaDay(8), until: agendaDay(14))) { _ in (0, 0) }
        #expect(silent.isEmpty)
        // A restart after the 12:00 notice (the state file round trip) does not tell it again.
        var first = AgendaState.empty
        _ = Self.simulate(Self.config(), from: agendaDay(8), through: agendaDay(12), state: &first) { _ in (0, 0) }
        var restarted = try JSONDecoder().decode(AgendaState.self, from: try JSONEncoder().encode(first))
        let again = Self.simulate(Self.config(), from: agendaDay(12, 5), through: agendaDay(15), state: &restarted) { _ in (0, 0) }
        #expect(again.isEmpty)
        // Found later than grace (down over the checkpoint): not told; the next checkpoint judges the day.
        var late = first
        late.paceCheckedThrough = agendaDay(11)
        let stale = Self.simulate(Self.config(), from: agendaDay(13), through: agendaDay(17), state: &late) { _ in (0, 0) }
        #expect(stale.map(\.at) == [agendaDay(16)])
    }

    static let pacer: Reminder = {
        var reminder = agendaEvery("water", .hours(1), windows: [DailyWindow(start: agendaTime(8, 0), end: agendaTime(20, 0))])
        reminder.pace = true
        return reminder
    }()

    @Test func aPaceReminderAsksForWhatKeepsTheDayOnTrack() {
        // 12 occurrences 08:00..19:00 toward 2000 ml, configured 250 ml.
        let amount = { (due: Instant, water: Int) in
            WaterPace.paceAmount(of: Self.pacer, due: due, goal: 2000, waterToday: water, zone: .utc, lastDone: nil)
        }
        #expect(amount(agendaDay(8), 0) == 250)    // 167 a time would do: never below the configured amount
        #expect(amount(agendaDay(16), 500) == 375)  // 1500 over 16, 17, 18 and 19:00
        #expect(amount(agendaDay(19), 500) == 500)  // 1500 left at the last one: at most 500 at once
        // In the agenda: the firing carries it.
        var driver = AgendaDriver(config: Self.config(reminders: [Self.pacer]))
        driver.step(at: agendaDay(15, 30))
        driver.intake = IntakeFacts(waterTodayMilliliters: 500)
        driver.run(through: agendaDay(16))
        #expect(driver.fires(of: "water").map(\.firing.pacedMilliliters) == [375])
    }

    @Test func todaySaysOnTrackOrBehindBy() {
        let config = Self.config(reminders: [Self.pacer])
        // 14:00: past the 12:00 checkpoint (800) and 6/11 of the 08:00-19:00 window (1090 ml).
        #expect(WaterPace.status(config: config, waterToday: 800, now: agendaDay(14), zone: .utc)
                == PaceStatus(expectedMilliliters: 1090, behindMilliliters: 290))
        #expect(WaterPace.status(config: config, waterToday: 1200, now: agendaDay(14), zone: .utc)?.text == "on track")
        #expect(WaterPace.status(config: config, waterToday: 800, now: agendaDay(14), zone: .utc)?.text == "behind by 290 ml")
        #expect(WaterPace.status(config: agendaConfig([]), waterToday: 0, now: agendaDay(14), zone: .utc) == nil)
    }
}
