import TestSupport
import Testing
@testable import CrampCore

/// Issue 16 item 5: held while away, locked, asleep or in do-not-disturb; one word on return.
@Suite struct AgendaHoldTests {
    static let water = agendaEvery("water", .minutes(45))
    static func magnesium(urgent: Bool = false, followUp: FollowUp? = nil) -> Reminder {
        var reminder = agendaAt("magnesium", [agendaTime(12, 0)], kind: .electrolyte)
        reminder.electrolyte = .magnesium; reminder.amount = 200; reminder.urgent = urgent; reminder.followUp = followUp
        return reminder
    }

    static func driver(_ reminders: [Reminder], grace: TimeSpan = .hours(3), whileAway: WhileAway = .hold) -> AgendaDriver {
        var config = agendaConfig(reminders, grace: grace)
        config.daemon.whileAway = whileAway
        var driver = AgendaDriver(config: config)
        driver.step(at: agendaDay(9, 45))
        return driver
    }

    @Test func whileAwayReminderAreHeldAndToldOnceOnReturn() {
        var driver = Self.driver([Self.water, Self.magnesium()])
        driver.holding = [.away]
        driver.run(through: agendaDay(12, 5))
        #expect(driver.fired.isEmpty)
        #expect(driver.held.map(\.due) == [agendaDay(10, 30), agendaDay(11, 15), agendaDay(12, 0), agendaDay(12, 0)])
        #expect(driver.held.allSatisfy { $0.reason == .away })
        #expect(driver.backs.isEmpty)
        #expect(driver.state.held.count == 4)

        driver.holding = []
        driver.step(at: agendaDay(12, 10))
        #expect(driver.backs.count == 1)
        let report = driver.backs[0].report
        #expect(report.reminderIDs == ["water", "magnesium"])
        #expect(report.message(in: .utc, grace: .hours(3))
                == "While you were away: water at 10:30, 11:15 and 12:00, magnesium at 12:00")
        #expect(driver.state.held.isEmpty)
        #expect(driver.fired.isEmpty)  // the message is the one popup; nothing is marked done
        #expect(driver.state.reminders["water"]?.lastDone == nil)

        driver.step(at: agendaDay(12, 11))
        #expect(driver.backs.count == 1)  // told once
    }

    @Test func nothingHeldNoMessage() {
        var driver = Self.driver([Self.water])
        driver.holding = [.dnd]
        driver.step(at: agendaDay(10, 0))
        driver.holding = []
        driver.step(at: agendaDay(10, 10))
        #expect(driver.backs.isEmpty)
        driver.run(through: agendaDay(10, 30))
        #expect(driver.fired.map(\.at) == [agendaDay(10, 30)])
    }

    @Test func heldLongerThanGraceIsMissedAndListedAsSuch() {
        var driver = Self.driver([Self.water], grace: .minutes(10))
        driver.holding = [.locked]
        driver.run(through: agendaDay(12, 0))
        driver.holding = []
        driver.step(at: agendaDay(12, 5))
        let report = driver.backs[0].report
        #expect(report.due.map(\.reminderID) == ["water"] && report.due[0].dues == [agendaDay(12, 0)])
        #expect(report.missed == [ExpiredHold(reminderID: "water", count: 2, earliestDue: agendaDay(10, 30), latestDue: agendaDay(11, 15))])
        #expect(driver.missed == [MissedOccurrences(count: 2, earliestDue: agendaDay(10, 30), latestDue: agendaDay(11, 15))])
        #expect(report.message(in: .utc, grace: .minutes(10))
                == "While the screen was locked: water at 12:00; missed (held longer than 10m): water at 10:30 and 11:15")
    }

    @Test func theMessageIsWordedForWhatHappened() {
        let held = HeldReminders.none.adding([HeldOccurrence(reminderID: "water", due: agendaDay(3), heldAt: agendaDay(3), reason: .asleep),
                                              HeldOccurrence(reminderID: "water", due: agendaDay(4), heldAt: agendaDay(4), reason: .away)],
                                             now: agendaDay(4), grace: .hours(5))
        #expect(BackReport.returning(held, now: agendaDay(4), grace: .hours(5))?.message(in: .utc, grace: .hours(5))
                == "While the machine slept: water at 03:00 and 04:00")
        #expect(HoldReason.dnd.whileWording == "While do-not-disturb was on")
        #expect(BackReport.returning(.none, now: agendaDay(4), grace: .hours(5)) == nil)
    }

    @Test func manyHeldAreSummarized() {
        var driver = Self.driver([agendaEvery("water", .minutes(5))], grace: .hours(3))
        driver.holding = [.away]
        driver.run(through: agendaDay(11, 0))
        driver.holding = []
        driver.step(at: agendaDay(11, 1))
        #expect(driver.backs[0].report.message(in: .utc, grace: .hours(3)) == "While you were away: water 15 times from 09:50 to 11:00")
    }

    @Test func urgentGoesThroughDoNotDisturbOnly() {
        var driver = Self.driver([Self.magnesium(urgent: true)])
        driver.holding = [.dnd]
        driver.run(through: agendaDay(12, 1))
        #expect(driver.fired.map(\.firing.throughDoNotDisturb) == [true])
        #expect(driver.held.isEmpty)

        var away = Self.driver([Self.magnesium(urgent: true)])
        away.holding = [.away, .dnd]
        away.run(through: agendaDay(12, 1))
        #expect(away.fired.isEmpty)
        #expect(away.held.map(\.reason) == [.away])
    }

    @Test func deliverIsTheOldBehaviour() {
        var driver = Self.driver([Self.water], whileAway: .deliver)
        driver.holding = [.away]
        driver.run(through: agendaDay(11, 0))
        #expect(driver.fired.map(\.at) == [agendaDay(10, 30)])
        #expect(driver.held.isEmpty)
        #expect(driver.fired[0].firing.throughDoNotDisturb == false)
    }

    @Test func followUpsWaitWhileHeldAndContinueAfterReturn() {
        var driver = Self.driver([Self.magnesium(followUp: FollowUp(interval: .minutes(15), maximum: 2))])
        driver.run(through: agendaDay(12, 0))
        #expect(driver.fired.map(\.at) == [agendaDay(12, 0)])
        driver.holding = [.away]
        driver.step(at: agendaDay(12, 5))
        #expect(driver.nextWake.map { $0 > agendaDay(13) } ?? true)  // no wake for the follow-up while away
        driver.run(through: agendaDay(12, 40))
        #expect(driver.fired.count == 1)
        driver.holding = []
        driver.step(at: agendaDay(12, 50))
        // Nothing was held, so no message: the follow-up fires now, on return.
        #expect(driver.backs.isEmpty)
        #expect(driver.fired.map(\.at) == [agendaDay(12, 0), agendaDay(12, 50)])
        #expect(driver.fired.last?.firing.followUp?.number == 1)
    }

    @Test func onReturnTheMessageIsTheOnlyPopup() {
        // magnesium fired at 12:00 and follows up; water is held meanwhile. On return the
        // follow-up waits one repeat, so the message is the only popup.
        var driver = Self.driver([Self.water, Self.magnesium(followUp: FollowUp(interval: .minutes(15), maximum: 2))])
        driver.run(through: agendaDay(12, 0))
        let firedBefore = driver.fired.count
        driver.holding = [.away]
        driver.run(through: agendaDay(12, 45))
        driver.holding = []
        driver.step(at: agendaDay(12, 50))
        #expect(driver.backs.count == 1)
        #expect(driver.fired.count == firedBefore)
        #expect(driver.nextWake == agendaDay(13, 5))
        driver.run(through: agendaDay(13, 5))
        #expect(driver.fired.last.map { ($0.at, $0.firing.followUp?.number) } ?? (agendaDay(0), nil) == (agendaDay(13, 5), 1))
    }

    @Test func aReminderRemovedWhileHeldIsNotToldAbout() {
        var driver = Self.driver([Self.water, Self.magnesium()])
        driver.holding = [.away]
        driver.run(through: agendaDay(12, 1))
        driver.config.reminders.removeAll { $0.id == "magnesium" }
        driver.holding = []
        driver.step(at: agendaDay(12, 2))
        #expect(driver.backs[0].report.reminderIDs == ["water"])
    }

    @Test func theHeldListIsBounded() {
        let many = (0..<(HeldReminders.maximumRecent + 10)).map {
            HeldOccurrence(reminderID: "r\($0 % 3)", due: agendaDay(10) + .seconds(Int64($0)), heldAt: agendaDay(10) + .seconds(Int64($0)), reason: .away)
        }
        let held = HeldReminders.none.adding(many, now: agendaDay(11), grace: .days(1))
        #expect(held.recent.count == HeldReminders.maximumRecent)
        #expect(held.count == many.count)
    }
}
