import Testing
@testable import CrampCore

/// Issue 17 part 3: `[goals] <electrolyte>_min_gap` moves a dose reminder to the end of the gap.
@Suite struct AgendaDoseSpacingTests {
    static let magnesium = Reminder(id: "magnesium", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", amount: 200,
                                    schedule: .at(AtSchedule(times: [agendaTime(12, 0), agendaTime(21, 0)])))

    static func driver(quietHours: [DailyWindow] = []) -> AgendaDriver {
        var config = agendaConfig([magnesium], quietHours: quietHours)
        config.goals.minimumGap = [.magnesium: .hours(4)]
        var driver = AgendaDriver(config: config)
        driver.step(at: agendaDay(9))
        return driver
    }

    @Test func aDoseTooSoonMovesTheReminderToTheEndOfTheGap() {
        var driver = Self.driver()
        driver.intake = IntakeFacts(lastDose: [.magnesium: agendaDay(10, 5)])
        driver.step(at: agendaDay(10, 5))
        #expect(driver.nextWake == agendaDay(14, 5))
        driver.run(through: agendaDay(23))
        #expect(driver.fires(of: "magnesium").map(\.at) == [agendaDay(14, 5), agendaDay(21)])
        let moved = driver.fires(of: "magnesium")[0].firing
        #expect(moved.due == agendaDay(12))
        #expect(moved.spacedAfterDose == DoseSpacing(electrolyte: .magnesium, lastDose: agendaDay(10, 5), gap: .hours(4)))
        #expect(moved.spacedAfterDose?.movedWording(in: .utc) == "moved to 14:05, 4h after the last magnesium dose at 10:05")
        #expect(driver.fires(of: "magnesium")[1].firing.spacedAfterDose == nil)
    }

    @Test func anotherElectrolyteOrAnOlderDoseHoldsNothing() {
        var driver = Self.driver()
        driver.intake = IntakeFacts(lastDose: [.magnesium: agendaDay(7, 59), .potassium: agendaDay(11, 30)])
        driver.step(at: agendaDay(11, 30))
        driver.run(through: agendaDay(23))
        #expect(driver.fires(of: "magnesium").map(\.at) == [agendaDay(12), agendaDay(21)])
    }

    @Test func theEndOfTheGapStillWaitsForQuietHours() {
        var driver = Self.driver(quietHours: [DailyWindow(start: agendaTime(14, 0), end: agendaTime(15, 0))])
        driver.intake = IntakeFacts(lastDose: [.magnesium: agendaDay(10, 5)])
        driver.step(at: agendaDay(10, 5))
        driver.run(through: agendaDay(16))
        #expect(driver.fires(of: "magnesium").map(\.at) == [agendaDay(15)])
    }

    @Test func upcomingShowsTheMovedTime() {
        var driver = Self.driver()
        driver.intake = IntakeFacts(lastDose: [.magnesium: agendaDay(10, 5)])
        let upcoming = Agenda.upcoming(config: driver.config, zone: .utc, state: driver.state, now: agendaDay(10, 5),
                                       intake: driver.intake, count: 3)
        driver.step(at: agendaDay(10, 5))
        driver.run(through: agendaUTC(2026, 11, 26, 13))
        #expect(upcoming.map(\.fireAt) == driver.fired.prefix(3).map(\.at))
        #expect(upcoming.first?.fireAt == agendaDay(14, 5))
    }

    @Test func theGapIsReadAndBounded() throws {
        #expect(try validConfig("[goals]\nmagnesium_min_gap = \"4h\"").goals.minimumGap == [.magnesium: .hours(4)])
        #expect(configErrors("[goals]\nmagnesium_min_gap = \"2d\"") == [
            "config.toml:2:21: expected at most 1d for \"magnesium_min_gap\", got \"2d\"; a gap of more than a day would hold every daily dose back",
        ])
    }
}
