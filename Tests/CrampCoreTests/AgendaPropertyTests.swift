import TestSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in

/// Seeded property tests: the agenda against the schedule engine as oracle, with
/// time moving the way it does on a laptop (small steps, suspends, restarts,
/// clock steps) and across DST changes.
@Suite struct AgendaPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8]
    static let zones = ["Europe/Berlin", "America/New_York"]

    /// Random reminders on a 20-minute grid with intervals of at least 20 minutes,
    /// so that steps of at most 10 minutes never see two occurrences of one reminder at once.
    static func randomReminders(_ random: inout SplitMix64, count: Int, catchUp: CatchUpPolicy? = nil) -> [Reminder] {
        (0..<count).map { i in
            let id = "r\(i)"
            if random.bool() {
                let times = Set((0..<random.int(1...4)).map { _ in random.int(0...71) }).sorted()
                    .map { TimeOfDay(hour: $0 / 3, minute: ($0 % 3) * 20) }  // includes 02:00/02:20/02:40, in the spring gap
                return agendaAt(id, times, catchUp: catchUp)
            }
            var windows: [DailyWindow] = []
            if random.bool() {
                let start = random.int(0...23), length = random.int(2...14)
                windows = [DailyWindow(start: agendaTime(start, 0), end: agendaTime((start + length) % 24, 30))]
            }
            return agendaEvery(id, .minutes(Int64(20 * random.int(1...9))), windows: windows, catchUp: catchUp)
        }
    }

    /// The DST changes of 2026 in each zone, at noon UT the day before.
    static func aroundDSTChanges(_ zone: String) -> [Instant] {
        zone == "Europe/Berlin" ? [agendaUTC(2026, 3, 28, 12), agendaUTC(2026, 10, 24, 12)]
                                : [agendaUTC(2026, 3, 7, 12), agendaUTC(2026, 10, 31, 12)]
    }

    // MARK: next > now

    @Test(arguments: seeds)
    func theNextFiringIsAlwaysAfterNow(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let zone = try Zone.named(Self.zones[Int(seed) % 2])
        var quiet: [DailyWindow] = []
        if random.bool() { quiet = [DailyWindow(start: agendaTime(random.int(20...23), 0), end: agendaTime(random.int(5...8), 0))] }
        var driver = AgendaDriver(config: agendaConfig(Self.randomReminders(&random, count: 6), quietHours: quiet), zone: zone)
        var now = Self.aroundDSTChanges(zone.name)[random.int(0...1)]
        for i in 0..<400 {
            // Mostly short steps, sometimes a suspend, sometimes a snooze, skip, done or pause.
            now = now + (random.int(0...9) == 0 ? random.span(1...600, unit: .minutes(1)) : random.span(1...900, unit: .seconds(1)))
            let id = "r\(random.int(0...5))"
            switch random.int(0...20) {
            case 0: driver.state = driver.state.recordingSnooze(id, until: now + random.span(1...90, unit: .minutes(1)), now: now)
            case 1: driver.state = driver.state.recordingSkip(id, now: now)
            case 2: driver.state = driver.state.recordingDone(id, at: now)
            case 3: driver.state = driver.state.paused(now: now, until: now + random.span(1...180, unit: .minutes(1)))
            default: break
            }
            let plan = driver.step(at: now).plan
            if let wake = plan.nextWake { #expect(wake > now, "step \(i)") }
            for entry in plan.entries { if let next = entry.next { #expect(next.fireAt > now, "\(entry.reminderID) at step \(i)") } }
            #expect(plan.first?.next?.fireAt == plan.entries.compactMap(\.next?.fireAt).min())
        }
    }

    // MARK: Never twice, nothing lost, across DST

    @Test(arguments: zones, [UInt64(11), 12, 13])
    func smallStepsAcrossDSTFireEveryOccurrenceExactlyOnce(zoneName: String, seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let zone = try Zone.named(zoneName)
        let reminders = Self.randomReminders(&random, count: 8)
        for start in Self.aroundDSTChanges(zoneName) {
            var driver = AgendaDriver(config: agendaConfig(reminders), zone: zone)
            var now = start
            let end = start + .hours(72)
            driver.step(at: now)
            while now < end {
                now = now + random.span(1...600, unit: .seconds(1))  // at most the 10-minute grace
                driver.step(at: now)
            }
            #expect(driver.missed.isEmpty)
            #expect(driver.fired.count > 3 * reminders.count)  // each reminder fires a few times in 72 hours
            for reminder in reminders {
                let fired = driver.fires(of: reminder.id).map(\.firing)
                let expected = agendaOccurrences(of: reminder, in: zone, after: start, through: fired.last?.due ?? start)
                #expect(fired.map(\.due) == expected, "\(reminder.id) \(reminder.schedule) from \(start)")
                #expect(Set(fired.map(\.due)).count == fired.count, "\(reminder.id) fired a due time twice")
                #expect(fired.allSatisfy { $0.reason == .scheduled })
                if case .every(let every) = reminder.schedule {
                    for (a, b) in zip(fired, fired.dropFirst()) {
                        #expect(b.due - a.due >= every.interval, "\(reminder.id) fired twice within its interval: \(a.due) \(b.due)")
                    }
                }
                // And nothing lost: everything until 10 minutes before the end has fired.
                let due = agendaOccurrences(of: reminder, in: zone, after: start, through: now - .minutes(10))
                #expect(fired.count >= due.count, "\(reminder.id) lost an occurrence")
            }
        }
    }

    // MARK: Suspend

    @Test(arguments: [CatchUpPolicy.once, .skip], seeds)
    func aSuspendOverTenDueTimesYieldsOneCatchUpPerReminderWithOnceAndNoneWithSkip(policy: CatchUpPolicy, seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let zone = try Zone.named(Self.zones[Int(seed) % 2])
        let reminders = Self.randomReminders(&random, count: 6)
        let config = agendaConfig(reminders, catchUp: policy)
        var driver = AgendaDriver(config: config, zone: zone)
        let start = Self.aroundDSTChanges(zone.name)[random.int(0...1)]
        driver.step(at: start)
        driver.run(through: start + random.span(1...600, unit: .minutes(1)))
        let sleep = driver.nextWake.map { $0 - .seconds(1) } ?? start
        driver.step(at: sleep)
        // Wake after every reminder has had at least ten due times.
        let tenth = reminders.compactMap { agendaOccurrences(of: $0, in: zone, after: sleep, through: sleep + .hours(24 * 40)).dropFirst(9).first }
        let wake = tenth.max()! + config.daemon.grace + random.span(1...180, unit: .minutes(1))
        let before = driver.fired.count
        let step = driver.step(at: wake)
        for reminder in reminders {
            let fires = step.actions.compactMap { action -> Firing? in
                if case .fire(let f) = action, f.reminderID == reminder.id { f } else { nil }
            }
            let missed = step.actions.compactMap { action -> MissedOccurrences? in
                if case .missed(let id, let m) = action, id == reminder.id { m } else { nil }
            }
            let onTime = agendaOccurrences(of: reminder, in: zone, after: wake - config.daemon.grace - .seconds(1), through: wake)
                .contains { wake - $0 <= config.daemon.grace }
            #expect(missed.count == 1 && missed[0].count >= 10, "\(reminder.id): \(missed)")
            if onTime {
                #expect(fires.map(\.reason) == [.scheduled], "\(reminder.id)")
            } else if policy == .once {
                #expect(fires.map(\.reason) == [.catchUp], "\(reminder.id)")
                #expect(fires.first?.due == missed.first?.latestDue)
            } else {
                #expect(fires.isEmpty, "\(reminder.id)")
            }
        }
        // Afterwards only scheduled firings: the catch-up came once.
        let afterSuspend = driver.fired.count
        driver.run(through: wake + .hours(24))
        #expect(driver.fired[afterSuspend...].allSatisfy { $0.firing.reason == .scheduled })
        #expect(afterSuspend - before <= reminders.count)
    }

    // MARK: Restart

    static func roundTrip(_ state: AgendaState) throws -> AgendaState {
        try JSONDecoder().decode(AgendaState.self, from: JSONEncoder().encode(state))
    }

    @Test(arguments: seeds)
    func restartsThroughJSONNeitherRepeatNorLoseAnOccurrence(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let zone = try Zone.named(Self.zones[Int(seed) % 2])
        let reminders = Self.randomReminders(&random, count: 6)
        let config = agendaConfig(reminders)
        let start = Self.aroundDSTChanges(zone.name)[random.int(0...1)]
        let end = start + .hours(60)

        var steady = AgendaDriver(config: config, zone: zone)
        steady.step(at: start)
        steady.run(through: end)

        var restarted = AgendaDriver(config: config, zone: zone)
        restarted.step(at: start)
        var downtimeOccurrences = 0
        while let wake = restarted.nextWake, wake <= end {
            if random.int(0...3) == 0 {
                // Crash or restart right before the timer: save, (maybe) stay down a while, load, step.
                let down = random.bool() ? random.span(1...300, unit: .seconds(1)) : random.span(20...240, unit: .minutes(1))
                restarted.state = try Self.roundTrip(restarted.state)
                let back = min(wake + down, end)
                if down > config.daemon.grace {
                    for r in reminders {
                        downtimeOccurrences += agendaOccurrences(of: r, in: zone, after: wake - .seconds(1), through: back - config.daemon.grace).count
                    }
                }
                restarted.step(at: back)
            } else {
                restarted.step(at: wake)
            }
        }
        for reminder in reminders {
            let all = agendaOccurrences(of: reminder, in: zone, after: start, through: end - .minutes(10))
            let fired = restarted.fires(of: reminder.id).map(\.firing)
            let scheduledDues = fired.filter { $0.reason == .scheduled }.map(\.due)
            let missed = restarted.actions(of: reminder.id).reduce(0) { n, a in if case .missed(_, let m) = a { n + m.count } else { n } }
            // Every occurrence is fired on time or recorded as missed, exactly once.
            #expect(Set(scheduledDues).count == scheduledDues.count, "\(reminder.id) fired twice")
            #expect(scheduledDues.count + missed >= all.count, "\(reminder.id) lost an occurrence")
            #expect(scheduledDues.count + missed <= all.count + 1, "\(reminder.id) counted an occurrence twice")
            // A catch-up stands for missed ones only.
            #expect(fired.filter { $0.reason == .catchUp }.count <= restarted.missed.count)
        }
        // Without downtime, restarts change nothing at all.
        if downtimeOccurrences == 0 {
            #expect(restarted.fired.map(\.firing) == steady.fired.filter { $0.at <= end }.map(\.firing))
        }
    }

    @Test(arguments: seeds)
    func quickRestartsChangeNothing(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let zone = try Zone.named(Self.zones[Int(seed) % 2])
        let config = agendaConfig(Self.randomReminders(&random, count: 6))
        let start = Self.aroundDSTChanges(zone.name)[random.int(0...1)]
        var steady = AgendaDriver(config: config, zone: zone), restarted = steady
        steady.step(at: start); restarted.step(at: start)
        steady.run(through: start + .hours(48))
        while let wake = restarted.nextWake, wake <= start + .hours(48) {
            restarted.state = try Self.roundTrip(restarted.state)
            restarted.step(at: wake + random.span(0...120, unit: .seconds(1)))  // restarted, a little late
        }
        #expect(restarted.fired.map(\.firing) == steady.fired.map(\.firing))
    }

    // MARK: Clock steps

    @Test(arguments: seeds)
    func clockStepsBackNeitherRepeatNorStall(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let interval = TimeSpan.minutes(Int64(20 * random.int(1...6)))
        let reminder = agendaEvery("water", interval)
        var driver = AgendaDriver(config: agendaConfig([reminder]), zone: try Zone.named(Self.zones[Int(seed) % 2]))
        var now = agendaUTC(2026, 10, 24, 12)
        driver.step(at: now)
        var firedSinceBigStep: Set<Instant> = []
        for _ in 0..<500 {
            if random.int(0...15) == 0 {
                let back = random.bool() ? random.span(1...60, unit: .minutes(1)) : random.span(61...(3 * 24 * 60), unit: .minutes(1))
                now = now - back
                if back > Agenda.clockStepBackTolerance { firedSinceBigStep = [] }
            } else {
                now = now + random.span(1...600, unit: .seconds(1))
            }
            let before = driver.fired.count
            driver.step(at: now)
            for fired in driver.fired[before...] {
                #expect(!firedSinceBigStep.contains(fired.firing.due), "fired \(fired.firing.due) twice")
                firedSinceBigStep.insert(fired.firing.due)
            }
            let wake = try #require(driver.nextWake)
            #expect(wake > now)
            #expect(wake - now <= interval + Agenda.clockStepBackTolerance, "stalled: next at \(wake), now \(now)")
        }
    }

    // MARK: JSON

    @Test func theStateSurvivesJSON() throws {
        let state = AgendaState(reminders: [
            "water": ReminderState(handledThrough: agendaDay(10), lastFired: agendaDay(10, 0, 1), lastDone: agendaDay(10, 3),
                                   snoozedUntil: agendaDay(10, 13), skipNext: true),
            "stretch": ReminderState(handledThrough: agendaDay(8)),
        ], pause: Pause(since: agendaDay(11), until: nil))
        #expect(try Self.roundTrip(state) == state)
        let json = String(decoding: try JSONEncoder().encode(ReminderState(handledThrough: Instant(microseconds: 42))), as: UTF8.self)
        #expect(json.contains("\"handledThrough\":42"))  // instants are plain microseconds
    }
}
