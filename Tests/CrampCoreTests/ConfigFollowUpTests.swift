import CrampCore
import Testing

/// Issue 17 part 1: `repeat`, `repeat_max` and `urgent` of a reminder.
@Suite struct ConfigFollowUpTests {
    @Test func repeatAloneFollowsUpThreeTimes() throws {
        let reminder = try validConfig(reminderTOML("every = \"1h\"\nrepeat = \"10m\"")).reminders[0]
        #expect(reminder.followUp == FollowUp(interval: .minutes(10), maximum: 3))
        #expect(reminder.urgent == false)
    }

    @Test func repeatMaxAndUrgentAreRead() throws {
        let reminder = try validConfig(reminderTOML("every = \"1h\"\nrepeat = \"1m\"\nrepeat_max = 2\nurgent = true")).reminders[0]
        #expect(reminder.followUp == FollowUp(interval: .minutes(1), maximum: 2))
        #expect(reminder.urgent)
    }

    @Test func withoutRepeatThereAreNoFollowUps() throws {
        #expect(try validConfig(reminderTOML("every = \"1h\"")).reminders[0].followUp == nil)
    }

    @Test func wrongValuesAreLocatedErrors() {
        #expect(configErrors(reminderTOML("every = \"1h\"\nrepeat = \"30s\"")) == [
            "config.toml:5:10: expected at least 1m for \"repeat\", got \"30s\"; follow-ups more often than once a minute would flood the journal",
        ])
        #expect(configErrors(reminderTOML("every = \"1h\"\nrepeat = \"10m\"\nrepeat_max = 11")) == [
            "config.toml:6:14: expected a number from 1 to 10 for \"repeat_max\", got 11; more follow-ups than that nag rather than remind",
        ])
        #expect(configErrors(reminderTOML("every = \"1h\"\nrepeat = \"10m\"\nrepeat_max = 0")) == [
            "config.toml:6:14: expected a number above zero for \"repeat_max\", got 0",
        ])
        #expect(configErrors(reminderTOML("every = \"1h\"\nrepeat_max = 2")) == [
            "config.toml:5:1: \"repeat_max\" is only used with \"repeat\"; reminder \"water\" has no \"repeat\"; set repeat = \"10m\" too, or leave out \"repeat_max\"",
        ])
    }

    @Test func theDefaultBedtimeMagnesiumFollowsUpAndHydrationDoesNot() throws {
        let config = try validConfig(DefaultConfig.text)
        #expect(config.reminder(id: "magnesium")?.followUp == FollowUp(interval: .minutes(15), maximum: 2))
        #expect(config.reminders.filter { $0.kind == .hydration }.allSatisfy { $0.followUp == nil })
    }
}
