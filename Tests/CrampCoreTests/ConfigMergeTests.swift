import CrampCore
import Testing

/// Drop-ins from config.d merge over the base, systemd style.
@Suite struct ConfigMergeTests {
    let base = """
        [daemon]
        grace = "10m"
        quiet_hours = "22:00-07:00"

        [[reminder]]
        id = "water"
        kind = "hydration"
        every = "45m"
        between = "08:00-20:00"
        days = "mon..fri"
        amount = 250

        [[reminder]]
        id = "calves"
        kind = "stretch"
        at = "21:30"
        """

    @Test func aDropInChangesOnlyTheKeysItSets() throws {
        let config = try validConfig(base, dropIns: ["[[reminder]]\nid = \"water\"\nevery = \"30m\"\namount = 300"])
        let water = try #require(config.reminder(id: "water"))
        #expect(water.amount == 300)
        #expect(water.schedule == .every(EverySchedule(
            interval: .minutes(30),
            windows: [DailyWindow(start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 20, minute: 0))],
            days: [.monday, .tuesday, .wednesday, .thursday, .friday])))
        #expect(config.reminders.map(\.id) == ["water", "calves"])
    }

    @Test func anotherScheduleKindReplacesTheWholeSchedule() throws {
        let config = try validConfig(base, dropIns: ["[[reminder]]\nid = \"water\"\nat = [\"09:00\", \"15:00\"]"])
        // `between` and `days` went with `every`; without that, "between" would be an error here.
        #expect(config.reminder(id: "water")?.schedule == .at(AtSchedule(times: [TimeOfDay(hour: 9, minute: 0), TimeOfDay(hour: 15, minute: 0)])))
    }

    @Test func aCompanionOnItsOwnKeepsTheSchedule() throws {
        let config = try validConfig(base, dropIns: ["[[reminder]]\nid = \"water\"\ndays = [\"sat\", \"sun\"]"])
        guard case .every(let every)? = config.reminder(id: "water")?.schedule else { Issue.record("not every"); return }
        #expect(every.days == [.saturday, .sunday])
        #expect(every.interval == .minutes(45))
    }

    @Test func newIDsAddEnabledFalseDisablesRemovedDeletes() throws {
        let config = try validConfig(base, dropIns: [
            "[[reminder]]\nid = \"mg\"\nkind = \"electrolyte\"\nelectrolyte = \"magnesium\"\nat = \"20:00\"",
            "[[reminder]]\nid = \"water\"\nenabled = false\n\n[[reminder]]\nid = \"calves\"\nremoved = true",
        ])
        #expect(config.reminders.map(\.id) == ["water", "mg"])
        #expect(config.reminder(id: "water")?.enabled == false)
    }

    @Test func aRemovedReminderMayBeDefinedAfresh() throws {
        let config = try validConfig(base, dropIns: [
            "[[reminder]]\nid = \"calves\"\nremoved = true",
            "[[reminder]]\nid = \"calves\"\nkind = \"custom\"\nmessage = \"Walk\"\nat = \"18:00\"",
        ])
        #expect(config.reminder(id: "calves")?.kind == .custom)
        #expect(config.reminders.map(\.id) == ["water", "calves"])
    }

    @Test func removingAnUnknownIDDoesNothing() throws {
        let config = try validConfig(base, dropIns: ["[[reminder]]\nid = \"gone\"\nremoved = true"])
        #expect(config.reminders.count == 2)
    }

    @Test func removedCannotBeCombinedWithOtherKeys() {
        #expect(configErrors(base, dropIns: ["[[reminder]]\nid = \"calves\"\nremoved = true\nat = \"08:00\""]) == [
            "d1.toml:4:1: removed = true deletes reminder \"calves\"; it cannot be combined with \"at\"",
        ])
    }

    @Test func daemonAndGoalsKeysOverrideOneByOne() throws {
        let config = try validConfig(base, dropIns: ["[daemon]\ngrace = \"5m\"\n[goals]\nwater_ml = 1800", "[daemon]\nsnooze = \"20m\""])
        #expect(config.daemon.grace == .minutes(5))
        #expect(config.daemon.snooze == .minutes(20))
        #expect(config.daemon.quietHours.count == 1)
        #expect(config.goals.waterMilliliters == 1800)
    }

    @Test func laterDropInsWin() throws {
        let config = try validConfig(base, dropIns: ["[daemon]\ngrace = \"5m\"", "[daemon]\ngrace = \"15m\""])
        #expect(config.daemon.grace == .minutes(15))
    }

    @Test func errorsPointIntoTheFileThatWroteTheValue() {
        #expect(configErrors(base, dropIns: ["[[reminder]]\nid = \"water\"\nevery = \"often\""]) == [
            "d1.toml:3:9: expected a duration like \"45m\" or \"1h30m\" for \"every\", got \"often\"",
        ])
        // The base's `between` meets the drop-in's `at` only when the drop-in keeps the kind.
        #expect(configErrors(base, dropIns: ["[[reminder]]\nid = \"calves\"\nbetween = \"08:00-09:00\""]) == [
            "d1.toml:3:1: \"between\" is only used with \"every\"; reminder \"calves\" uses \"at\"",
        ])
    }

    @Test func aNewIDWithoutScheduleSuggestsAnExistingOne() {
        #expect(configErrors(base, dropIns: ["[[reminder]]\nid = \"watr\"\namount = 300"]) == [
            "d1.toml:2:6: reminder \"watr\" has no \"kind\"; set kind = one of \"hydration\", \"electrolyte\", \"stretch\" or \"custom\"",
            "d1.toml:2:6: reminder \"watr\" has no schedule; set one of \"every\", \"at\", \"calendar\" or \"after\" (no earlier file defines \"watr\", did you mean \"water\"?)",
        ])
    }

    @Test func theSameIDInTwoDropInsIsNoDuplicate() throws {
        let config = try validConfig(base, dropIns: ["[[reminder]]\nid = \"water\"\namount = 200", "[[reminder]]\nid = \"water\"\namount = 220"])
        #expect(config.reminder(id: "water")?.amount == 220)
    }

    @Test func filesAreListedInMergeOrder() throws {
        guard case .success(let loaded) = loadConfig(base, dropIns: ["", ""]) else { Issue.record("invalid"); return }
        #expect(loaded.files == ["config.toml", "d1.toml", "d2.toml"])
    }
}
