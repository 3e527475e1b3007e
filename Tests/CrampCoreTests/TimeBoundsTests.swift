import Testing
@testable import CrampCore

/// Issue 13 item 1: one bound for every duration and instant, checked where each is decoded,
/// and arithmetic that cannot trap. Each path at its limits.
@Suite struct TimeBoundsTests {
    // MARK: The config

    @Test(arguments: [
        ("every = \"2000000000h\"", "config.toml:4:9: expected a duration up to 366d for \"every\", got \"2000000000h\""),
        ("every = \"367d\"", "config.toml:4:9: expected a duration up to 366d for \"every\", got \"367d\""),
        ("every = \"366d 1s\"", "config.toml:4:9: expected a duration up to 366d for \"every\", got \"366d 1s\""),
        ("every = \"9223372036854775807s\"", "config.toml:4:9: expected a duration up to 366d for \"every\", got \"9223372036854775807s\""),
        ("every = \"1h\"\nskip_if_logged_within = \"99999999999999999999h\"",
         "config.toml:5:25: expected a duration up to 366d for \"skip_if_logged_within\", got \"99999999999999999999h\""),
    ] as [(String, String)])
    func reminderDurationsPastTheBoundAreLocatedErrors(line: String, error: String) {
        #expect(configErrors(reminderTOML(line)) == [error])
    }

    @Test(arguments: ["snooze", "grace"])
    func daemonDurationsPastTheBoundAreLocatedErrors(key: String) {
        #expect(configErrors("[daemon]\n\(key) = \"2562047788h\"")
            == ["config.toml:2:\(key.count + 4): expected a duration up to 366d for \"\(key)\", got \"2562047788h\""])
    }

    @Test func theBoundItselfAndSystemdSpellingsLoad() throws {
        for every in ["366d", "52w 2d", "1d", "10min", "1h 30min", "2d", "1w"] {
            let config = try validConfig(reminderTOML("every = \"\(every)\"\nanchor = \"last-done\"") + "\n[daemon]\nsnooze = \"366d\"")
            #expect(config.daemon.snooze == .maximum, "\(every)")
        }
    }

    // MARK: The agenda at the edges of what is accepted

    /// The longest interval, counted from a confirmation at the latest accepted instant, a pause
    /// until then and a snooze until then: every path of `nextDue` and the agenda, without a trap.
    @Test(arguments: [Anchor.window, .lastDone])
    func theLongestIntervalAtTheLatestInstantDoesNotTrap(anchor: Anchor) {
        let latest = Instant.accepted.upperBound
        let config = agendaConfig([agendaEvery("water", .maximum, anchor: anchor),
                                   agendaEvery("tea", .minutes(1), windows: [DailyWindow(start: agendaTime(8, 0), end: agendaTime(20, 0))], anchor: anchor)])
        for now in [Instant.accepted.lowerBound, agendaDay(12), latest - .maximum, latest] {
            let state = AgendaState(reminders: [
                "water": ReminderState(handledThrough: now, lastDone: latest, snoozedUntil: latest),
                "tea": ReminderState(handledThrough: now, lastDone: latest),
            ], pause: Pause(since: now, until: latest))
            let step = Agenda.step(config: config, zone: .utc, state: state, now: now)
            #expect(step.nextWake.map { $0 > now } ?? true)
            for reminder in config.reminders {
                _ = reminder.schedule.nextDue(after: latest, in: .utc, lastDone: latest)
                _ = reminder.schedule.nextDue(after: now, in: .utc, lastDone: latest)
            }
        }
    }

    /// A pause from 2026 to the last accepted instant over minutely schedules: millions of
    /// silenced occurrences, jumped over in a few dozen schedule lookups, not walked through.
    @Test(.timeLimit(.minutes(1))) func aPauseUntilTheYear9999IsJumpedOver() throws {
        let latest = Instant.accepted.upperBound
        let minutely = try CalendarExpression.parse("*:*:00")
        let config = agendaConfig([agendaEvery("water", .minutes(1)),
                                   Reminder(id: "stretch", kind: .stretch, message: "Stretch", schedule: .calendar(minutely))])
        let start = agendaDay(12)
        let state = AgendaState(reminders: ["water": ReminderState(handledThrough: start), "stretch": ReminderState(handledThrough: start)],
                                pause: Pause(since: start, until: latest))
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let step = Agenda.step(config: config, zone: .utc, state: state, now: latest)
            #expect(step.actions.contains { if case .silenced(reminderID: "water", _, _) = $0 { true } else { false } })
        }
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    /// A year-long interval costs what a daily one costs (the day search visits only its days).
    @Test func aYearLongIntervalIsFound() {
        let every = EverySchedule(interval: .maximum)
        let first = every.nextDue(after: agendaDay(12), in: .utc, lastDone: nil)
        #expect(first.map { $0.seconds.floorModulo(366 * 86_400) } == 0)
        let second = first.flatMap { every.nextDue(after: $0, in: .utc, lastDone: nil) }
        #expect(second.flatMap { s in first.map { s - $0 } } == .maximum)
    }

    // MARK: The state file

    @Test func outOfRangeInstantsInTheStateAreRepairedNotFatal() {
        let good = agendaDay(12)
        let state = AgendaState(reminders: [
            "water": ReminderState(handledThrough: good, lastFired: Instant(microseconds: .min), snoozedUntil: Instant(microseconds: .max)),
            "tea": ReminderState(handledThrough: Instant(microseconds: .max)),
            "salt": ReminderState(handledThrough: good, lastDone: Instant.accepted.upperBound),
        ], pause: Pause(since: good, until: Instant(microseconds: Instant.accepted.upperBound.microseconds + 1)),
            runningSince: Instant(microseconds: -1))
        let (repaired, repairs) = state.keepingInstantsInBounds()
        #expect(repaired.reminders["water"] == ReminderState(handledThrough: good))
        #expect(repaired.reminders["tea"] == nil)
        #expect(repaired.reminders["salt"] == state.reminders["salt"])
        #expect(repaired.pause == nil)
        #expect(repaired.runningSince == nil)
        #expect(repairs == [
            "reminder \"tea\": handledThrough 9223372036854775807 is outside the years 1970 to 9999; it starts afresh",
            "reminder \"water\": lastFired -9223372036854775808 is outside the years 1970 to 9999; forgotten",
            "reminder \"water\": snoozedUntil 9223372036854775807 is outside the years 1970 to 9999; the snooze is dropped",
            "pause: until 253402300800000000 is outside the years 1970 to 9999; the pause is dropped",
            "runningSince -1 is outside the years 1970 to 9999; forgotten",
        ])
        // The repaired state plans without a trap.
        let config = agendaConfig([agendaEvery("water", .minutes(45)), agendaEvery("tea", .hours(1)), agendaEvery("salt", .days(2), anchor: .lastDone)])
        _ = Agenda.step(config: config, zone: .utc, state: repaired, now: good)
        #expect(AgendaState.empty.keepingInstantsInBounds().repairs.isEmpty)
    }
}
