import CrampCore
@testable import CrampDaemon
import Testing

/// Every journal entry about a reminder can be found by its fields (issue 14 item 8).
struct ReminderEventJournalTests {
    let water = Reminder(id: "water", kind: .hydration, message: "Drink", amount: 250,
                         schedule: .every(EverySchedule(interval: .minutes(90))))
    let stretch = Reminder(id: "calves", kind: .stretch, message: "Stretch", schedule: .at(AtSchedule(times: [TimeOfDay(hour: 21, minute: 0)])))
    let planned = Instant(seconds: 1_795_600_000)

    func fields(_ event: ReminderEvent) -> [String: String] {
        Dictionary(event.journalEntry.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    }

    @Test func fieldsThatDoNotApplyAreLeftOutNotEmpty() {
        let entry = ReminderEvent(kind: .due, reminder: water, due: planned, at: planned).journalEntry
        #expect(entry.fields.allSatisfy { !$0.value.isEmpty }, "\(entry.fields)")
        #expect(!entry.fields.contains { $0.name == "CRAMPD_ELECTROLYTE" })
        let bare = fields(ReminderEvent(kind: .due, reminder: stretch, due: planned, at: planned))
        #expect(bare["CRAMPD_AMOUNT"] == nil && bare["CRAMPD_UNIT"] == nil && bare["CRAMPD_REMINDER"] == "calves")
    }

    @Test func dueIsThePlannedTimeAndDoneAndSnoozeHaveTheirOwnFields() {
        let confirmed = planned + .minutes(7)
        let done = fields(ReminderEvent(kind: .done, reminder: water, due: planned, at: confirmed))
        #expect(done["CRAMPD_DUE_USEC"] == String(planned.microseconds))
        #expect(done["CRAMPD_DONE_USEC"] == String(confirmed.microseconds))
        let until = planned + .minutes(20)
        let snoozed = fields(ReminderEvent(kind: .snoozed, reminder: water, due: planned, at: planned + .minutes(1), snoozedUntil: until))
        #expect(snoozed["CRAMPD_DUE_USEC"] == String(planned.microseconds))
        #expect(snoozed["CRAMPD_SNOOZED_UNTIL_USEC"] == String(until.microseconds))
        let early = fields(ReminderEvent(kind: .done, reminder: water, due: nil, at: confirmed))
        #expect(early["CRAMPD_DUE_USEC"] == nil && early["CRAMPD_DONE_USEC"] == String(confirmed.microseconds))
    }

    @Test func aCatchUpSaysHowLateInItsMessage() {
        let now = planned + .hours(2) + .minutes(10)
        let entry = ReminderEvent(kind: .catchUp, reminder: water, due: planned, at: now).journalEntry
        #expect(entry.fields.contains { $0 == ("CRAMPD_LATENESS_USEC", String((TimeSpan.hours(2) + .minutes(10)).microseconds)) })
        #expect(entry.message.contains("late by 2h 10min"))
    }

    @Test func aDoseMovedByTheMinimumGapSaysSo() {
        let magnesium = Reminder(id: "magnesium", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", amount: 200,
                                 schedule: .at(AtSchedule(times: [TimeOfDay(hour: 12, minute: 0)])))
        let spacing = DoseSpacing(electrolyte: .magnesium, lastDose: planned - .hours(2), gap: .hours(4))
        var event = ReminderEvent(kind: .due, reminder: magnesium, due: planned, at: planned + .hours(2))
        event.markSpaced(spacing, zone: .utc)
        let entry = event.journalEntry
        #expect(entry.message == "Magnesium (" + spacing.movedWording(in: .utc) + ")")
        #expect(entry.fields.contains { $0 == ("CRAMPD_SPACED_AFTER_USEC", String(spacing.lastDose.microseconds)) })
        #expect(!ReminderEvent(kind: .due, reminder: magnesium, due: planned, at: planned).journalEntry.fields.contains { $0.name == "CRAMPD_SPACED_AFTER_USEC" })
    }

    @Test func everyCtlChangeHasAMessageID() {
        #expect(DropInEdit.set(id: "water", assignments: []).messageID == .reminderChanged)
        #expect(DropInEdit.add(id: "water", assignments: []).messageID == .reminderAdded)
        #expect(DropInEdit.remove(id: "water").messageID == .reminderRemoved)
        #expect(DropInEdit.reset(id: "water").messageID == .reminderReset)
    }
}
