import CrampCore
import Testing
import TOML

/// Issue 14 item 23: a ctl change must never break a later start.
@Suite struct ConfigLeftoverTests {
    let userConfig = """
        [[reminder]]
        id = "tea"
        kind = "hydration"
        every = "2h"
        """
    /// What `crampd ctl set water every=45m` left in the ctl drop-in, on the built-in default.
    let ctlSet = """
        [[reminder]]
        id = "water"
        every = "45m"
        """

    func load(_ base: String, ctl: String, name: String = "/home/ana/.config/crampd/config.d/50-crampd-ctl.toml") -> Result<LoadedConfig, ConfigLoadFailure> {
        ConfigLoader.load([SourceText(name: "config.toml", text: base), SourceText(name: name, text: ctl)])
    }

    @Test func aCtlOverrideOfAReminderNoOtherFileDefinesIsIgnoredWithAWarning() throws {
        let loaded = try load(userConfig, ctl: ctlSet).get()
        #expect(loaded.config.reminders.map(\.id) == ["tea"])
        #expect(loaded.warnings == ["""
            /home/ana/.config/crampd/config.d/50-crampd-ctl.toml:2:6: warning: ignored the crampd ctl change to reminder "water": \
            no other config file defines it; clear it with: crampd ctl reset water
                id = "water"
                     ^
            """])
    }

    @Test func theRuntimeCtlDropInToo() throws {
        let loaded = try load(userConfig, ctl: "[[reminder]]\nid = \"water\"\nremoved = true",
                              name: "/run/user/1000/crampd/config.d/50-crampd-ctl.toml").get()
        #expect(loaded.warnings.count == 1 && loaded.warnings[0].contains("crampd ctl reset water"))
    }

    @Test func aReminderCtlAddedIsADefinitionNotALeftover() throws {
        let loaded = try load(userConfig, ctl: "[[reminder]]\nid = \"salt\"\nkind = \"electrolyte\"\nelectrolyte = \"sodium\"\nat = \"12:00\"").get()
        #expect(loaded.config.reminders.map(\.id) == ["tea", "salt"])
        #expect(loaded.warnings.isEmpty)
    }

    @Test func anOverrideOfADefinedReminderStillApplies() throws {
        let loaded = try load(userConfig, ctl: "[[reminder]]\nid = \"tea\"\nevery = \"3h\"").get()
        #expect(loaded.warnings.isEmpty)
        #expect(ScheduleWording.describe(loaded.config.reminders[0].schedule) == "every 3h")
    }

    @Test func aHandWrittenDropInIsStillCheckedStrictly() {
        // Only the file crampd ctl writes gets the lenient rule: the user's own mistakes stay errors.
        #expect(configErrors(userConfig, dropIns: [ctlSet]).first?.contains("reminder \"water\" has no \"kind\"") == true)
    }
}
