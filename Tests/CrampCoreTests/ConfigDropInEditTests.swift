import CrampCore
import Testing
import TOML

/// `crampd ctl set/add/remove/reset` as edits of the ctl drop-in, checked through the real merge.
@Suite struct ConfigDropInEditTests {
    let base = """
        [[reminder]]
        id = "water"
        kind = "hydration"
        every = "45m"
        between = "08:00-20:00"

        [[reminder]]
        id = "calves"
        kind = "stretch"
        at = "21:30"
        """
    let elsewhere: Set<String> = ["water", "calves"]

    /// Applies edits in turn, starting from an empty drop-in, and returns the drop-in's text.
    func edit(_ edits: [DropInEdit]) throws -> String {
        var table = TOMLTable()
        for edit in edits { table = try edit.apply(to: table, definedElsewhere: elsewhere).get() }
        return TOML.write(table)
    }

    func merged(_ dropIn: String) throws -> Config { try validConfig(base, dropIns: [dropIn]) }

    @Test func listsTakeCommasOrTheTOMLForm() throws {
        for typed in ["at=10:30,16:00", #"at=["10:30", "16:00"]"#] {
            let dropIn = try edit([.set(id: "calves", assignments: [typed])])
            let calves = try #require(try merged(dropIn).reminder(id: "calves"))
            guard case .at(let at) = calves.schedule else { Issue.record("not at: \(typed)"); continue }
            #expect(at.times == [TimeOfDay(hour: 10, minute: 30), TimeOfDay(hour: 16, minute: 0)], "\(typed)")
        }
        #expect(throws: DropInEditError.self) { try edit([.set(id: "calves", assignments: ["at=[10:30"])]) }
    }

    /// A refused value is named as the user typed it, not as a line of the drop-in crampd wrote.
    @Test func aValueErrorNamesTheTypedArgument() throws {
        let change = DropInEdit.set(id: "water", assignments: ["amount=300", "every=soon"])
        let dropIn = SourceText(name: "d1.toml", text: try edit([change]))
        guard case .failure(let failure) = loadConfig(base, dropIns: [String(decoding: dropIn.bytes, as: UTF8.self)]) else {
            Issue.record("every=soon was accepted"); return
        }
        #expect(failure.renderedEach { change.describe($0, in: dropIn) }
                == [#"every=soon: expected a duration like "45m" or "1h30m" for "every", got "soon""#])
    }

    @Test func setChangesOneReminderByKeyType() throws {
        let dropIn = try edit([.set(id: "water", assignments: ["every=30m", "days=mon,tue", "amount=300", "enabled=false"])])
        let water = try #require(try merged(dropIn).reminder(id: "water"))
        #expect(water.amount == 300)
        #expect(!water.enabled)
        guard case .every(let every) = water.schedule else { Issue.record("not every"); return }
        #expect(every.interval == .minutes(30))
        #expect(every.days == [.monday, .tuesday])
        #expect(every.windows.count == 1)   // the base's between stays
    }

    /// Issue 17: follow-ups are set like any key, with their types.
    @Test func setFollowUpKeys() throws {
        let dropIn = try edit([.set(id: "water", assignments: ["repeat=10m", "repeat_max=2", "urgent=true"])])
        let water = try #require(try merged(dropIn).reminder(id: "water"))
        #expect(water.followUp == FollowUp(interval: .minutes(10), maximum: 2))
        #expect(water.urgent)
    }

    /// Issue 17 parts 2 and 3: `pace` is a flag; `after` switches the schedule like any kind.
    @Test func setPaceAndAChain() throws {
        let dropIn = try edit([.set(id: "water", assignments: ["pace=true"]), .set(id: "water", assignments: ["after=calves", "delay=2h"])])
        let water = try #require(try validConfig("[goals]\nwater_ml = 2000\n" + base, dropIns: [dropIn]).reminder(id: "water"))
        #expect(water.pace)
        #expect(water.schedule == .after(ChainSchedule(anchorID: "calves", delay: .hours(2))))
    }

    @Test func setAnotherKindSwitchesTheSchedule() throws {
        let dropIn = try edit([.set(id: "water", assignments: ["between=09:00-12:00"]), .set(id: "water", assignments: ["at=08:30,21:00"])])
        #expect(try merged(dropIn).reminder(id: "water")?.schedule
                == .at(AtSchedule(times: [TimeOfDay(hour: 8, minute: 30), TimeOfDay(hour: 21, minute: 0)])))
    }

    @Test func addDefinesANewReminder() throws {
        let dropIn = try edit([.add(id: "mg", assignments: ["kind=electrolyte", "electrolyte=magnesium", "at=20:00", "amount=200"])])
        let config = try merged(dropIn)
        #expect(config.reminders.map(\.id) == ["water", "calves", "mg"])
        #expect(config.reminder(id: "mg")?.amountText == "200 mg")
    }

    @Test func removeMarksBaseRemindersAndDropsAddedOnes() throws {
        let dropIn = try edit([
            .add(id: "mg", assignments: ["kind=electrolyte", "electrolyte=magnesium", "at=20:00"]),
            .remove(id: "mg"), .remove(id: "calves"),
        ])
        #expect(dropIn.contains("removed = true"))
        #expect(try merged(dropIn).reminders.map(\.id) == ["water"])
    }

    @Test func resetUndoesEveryChange() throws {
        let dropIn = try edit([.set(id: "water", assignments: ["every=30m"]), .remove(id: "calves"), .reset(id: "water"), .reset(id: "calves")])
        #expect(try merged(dropIn) == (try validConfig(base)))
    }

    @Test func refusalsSayWhatToDoInstead() {
        func error(_ edits: [DropInEdit]) -> String? {
            do { _ = try edit(edits); return nil } catch { return (error as? DropInEditError)?.message }
        }
        #expect(error([.set(id: "watr", assignments: ["every=30m"])]) == "no reminder \"watr\"; did you mean \"water\"?; to create it: crampd ctl add watr KEY=VALUE…")
        #expect(error([.add(id: "water", assignments: [])]) == "reminder \"water\" already exists; change it with: crampd ctl set water KEY=VALUE…")
        #expect(error([.remove(id: "calves"), .add(id: "calves", assignments: [])]) == "reminder \"calves\" was removed; bring it back with: crampd ctl reset calves")
        #expect(error([.set(id: "water", assignments: ["evry=30m"])]) == "unknown key \"evry\"; did you mean \"every\"?")
        #expect(error([.set(id: "water", assignments: ["every"])]) == "expected KEY=VALUE, got \"every\"")
        #expect(error([.set(id: "water", assignments: ["amount=lots"])]) == "expected a whole number for \"amount\", got \"lots\"")
        #expect(error([.set(id: "water", assignments: ["enabled=no"])]) == "expected true or false for \"enabled\", got \"no\"")
        #expect(error([.reset(id: "water")]) == "no changes to reset for reminder \"water\"")
        #expect(error([.add(id: "my water", assignments: [])]) == "expected an id of letters, digits, \"-\" and \"_\", got \"my water\"")
    }

    /// The daemon answers `not-found` for an unknown reminder and `bad-request` for the rest, by kind.
    @Test func refusalsSayWhetherTheReminderIsUnknown() {
        func kind(_ edits: [DropInEdit]) -> DropInEditError.Kind? {
            do { _ = try edit(edits); return nil } catch { return (error as? DropInEditError)?.kind }
        }
        #expect(kind([.set(id: "watr", assignments: ["every=30m"])]) == .unknownReminder)
        #expect(kind([.remove(id: "watr")]) == .unknownReminder)
        #expect(kind([.reset(id: "water")]) == .refused)
        #expect(kind([.set(id: "water", assignments: ["every"])]) == .refused)
        #expect(kind([.add(id: "water", assignments: [])]) == .refused)
    }

    @Test func badValuesAreCaughtByTheMergedCheckBeforeWriting() throws {
        let dropIn = try edit([.set(id: "water", assignments: ["every=often"])])
        #expect(configErrors(base, dropIns: [dropIn]) == [
            "d1.toml:3:9: expected a duration like \"45m\" or \"1h30m\" for \"every\", got \"often\"",
        ])
    }

    @Test func idsDefinedByOtherFiles() {
        let sources = [SourceText(name: "config.toml", text: base), SourceText(name: "d.toml", text: "[[reminder]]\nid = \"calves\"\nremoved = true")]
        #expect(ConfigLoader.reminderIDs(in: sources) == ["water"])
    }
}
