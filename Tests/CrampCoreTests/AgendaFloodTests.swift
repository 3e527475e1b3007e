import Testing
@testable import CrampCore

/// Issue 13 item 5: no reminder fires more often than once a minute, and all together degrade
/// under a rate cap instead of flooding.
@Suite struct AgendaFloodTests {
    @Test(arguments: ["*-*-* *:*:*", "*:*:0/30", "*:*:5,10", "*:*:00..01", "*:*:0/0.5"])
    func calendarsThatElapseTwiceAMinuteAreLocatedErrors(expression: String) {
        let errors = configErrors(reminderTOML("calendar = \"\(expression)\""))
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("config.toml:4:12: expected a calendar expression that elapses at most once a minute, got \"\(expression)\"") == true,
                "\(errors)")
    }

    @Test(arguments: ["minutely", "*:*", "*:0/1", "*:*:30", "*:*:59.5", "hourly", "Mon..Fri 08:30"])
    func calendarsAtMostOnceAMinuteLoad(expression: String) throws {
        _ = try validConfig(reminderTOML("calendar = \"\(expression)\""))
    }

    /// The structural rule agrees with the elapses: where it allows an expression, consecutive
    /// elapses are at least a minute apart; where it refuses one, some are closer.
    @Test(arguments: ["minutely", "*:*:30", "*:0/7:15", "*-*-* *:*:*", "*:*:0/30", "*:*:5,10", "*:*:0/0.5"])
    func theRuleMatchesTheElapses(expression: String) throws {
        let parsed = try CalendarExpression.parse(expression)
        let berlin = try Zone.named("Europe/Berlin")
        // Across the fall-back hour; spacing between elapses, not from the start.
        var t = try #require(parsed.nextElapse(after: agendaUTC(2026, 10, 25, 0, 50), in: berlin))
        var closest = TimeSpan.maximum
        for _ in 0..<200 {
            guard let next = parsed.nextElapse(after: t, in: berlin) else { break }
            closest = min(closest, next - t)
            t = next
        }
        #expect(parsed.elapsesMoreThanOncePerMinute == (closest < .minutes(1)), "\(expression): \(closest)")
    }

    @Test func atTimesLessThanAMinuteApartAreALocatedError() {
        #expect(configErrors(reminderTOML("at = [\"08:00:00\", \"12:00\", \"08:00:30\"]"))
            == ["config.toml:4:6: expected times at least 1m apart in \"at\", got \"08:00\" and \"08:00:30\"; reminders more often than once a minute would flood the journal"])
        #expect(configErrors(reminderTOML("at = [\"23:59:40\", \"00:00:10\"]"))
            == ["config.toml:4:6: expected times at least 1m apart in \"at\", got \"23:59:40\" and \"00:00:10\"; reminders more often than once a minute would flood the journal"])
    }

    /// A thousand minutely reminders: twenty fire at once, then about four a minute, and one
    /// notice says so, not one per step.
    @Test func aThousandMinutelyRemindersDegradeWithOneWarning() {
        let reminders = (0..<1000).map { agendaEvery("r\($0)", .minutes(1), catchUp: .skip) }
        var driver = AgendaDriver(config: agendaConfig(reminders))
        driver.step(at: agendaDay(12))
        var notices = 0
        var now = agendaDay(12)
        for _ in 0..<60 {
            now = now + .minutes(1)
            if driver.step(at: now).rateLimited != nil { notices += 1 }
        }
        let perHour = driver.actions.count
        #expect(perHour <= Int(EventRateLimit.burst) + 4 * 60 + 4, "\(perHour) events in an hour")
        #expect(perHour >= 4 * 60, "\(perHour) events in an hour")
        #expect(notices == 1)
        // Nothing fires twice: every reminder's occurrences stay handled.
        #expect(driver.state.reminders.values.allSatisfy { $0.handledThrough == now })
    }

    /// What people configure is far below the cap: ten reminders due together all fire.
    @Test func tenRemindersAtTheSameMinuteAllFire() {
        let reminders = (0..<10).map { agendaAt("s\($0)", [agendaTime(12, 0)]) }
        var driver = AgendaDriver(config: agendaConfig(reminders))
        driver.step(at: agendaDay(11))
        let step = driver.step(at: agendaDay(12))
        #expect(step.actions.count == 10)
        #expect(step.rateLimited == nil)
    }

    /// A budget spent before the clock was set back does not silence reminders for that long.
    @Test func aClockSetBackDoesNotStarveTheBudget() {
        let limit = EventRateLimit(fullAt: agendaUTC(2027, 1, 1))
        let action = AgendaAction.skipped(reminderID: "a", due: agendaDay(12), reason: .requested)
        #expect(limit.admitting([action], now: agendaDay(12)).kept == [action])
    }

    // MARK: Issue 13 item 10: late while running, not missed while down

    @Test func aCatchUpWhileCrampdRanSaysItWasLate() {
        let config = agendaConfig([agendaEvery("water", .hours(1))])
        var driver = AgendaDriver(config: config)
        driver.state = AgendaState.empty.started(at: agendaDay(9, 30))
        driver.step(at: agendaDay(9, 30))
        // Stopped (SIGSTOP) from 9:50 to 10:40: the 10:00 occurrence is 40 minutes late.
        let step = driver.step(at: agendaDay(10, 40))
        #expect(step.actions.contains(.fire(Firing(reminderID: "water", due: agendaDay(10), fireAt: agendaDay(10, 40),
                                                   reason: .catchUp, lateWhileRunning: true))))
    }

    @Test func aCatchUpAfterDowntimeIsNotLate() {
        let config = agendaConfig([agendaEvery("water", .hours(1))])
        var driver = AgendaDriver(config: config)
        driver.step(at: agendaDay(9, 30))
        // Down from 9:50; started again at 10:40.
        driver.state = driver.state.started(at: agendaDay(10, 40))
        let step = driver.step(at: agendaDay(10, 40))
        #expect(step.actions.contains(.fire(Firing(reminderID: "water", due: agendaDay(10), fireAt: agendaDay(10, 40),
                                                   reason: .catchUp, lateWhileRunning: false))))
    }
}
