import CrampCore
import Testing

/// Each rule of the schema: the exact message and where it points.
@Suite struct ConfigValidationTests {
    @Test func unknownKeysSuggestTheClosestKnownOne() {
        #expect(configErrors(reminderTOML("evry = \"45m\"\nevery = \"45m\"")) == [
            "config.toml:4:1: unknown key \"evry\" in [[reminder]]; did you mean \"every\"?",
        ])
        #expect(configErrors("[daemon]\nquiet_hour = \"22:00-07:00\"") == [
            "config.toml:2:1: unknown key \"quiet_hour\" in [daemon]; did you mean \"quiet_hours\"?",
        ])
        // A cap suggests the cap, never the target (issue 14 item 17).
        #expect(configErrors("[goals]\nmagnesium_max = 350") == [
            "config.toml:2:1: unknown key \"magnesium_max\" in [goals]; did you mean \"magnesium_max_mg\"?",
        ])
        #expect(configErrors("[reminders]\n") == [
            "config.toml:1:2: unknown section \"reminders\"; did you mean \"reminder\"? (known: [daemon], [goals], [[reminder]], [[hook]], [supply.<electrolyte>])",
        ])
    }

    @Test func unknownKeyWithoutNearMatchListsTheKnownKeys() {
        #expect(configErrors("[daemon]\ncolour = \"red\"") == [
            "config.toml:2:1: unknown key \"colour\" in [daemon] (known: timezone, quiet_hours, notify, grace, catch_up, snooze, while_away, away_after)",
        ])
    }

    @Test func wrongTypesNameBothTypes() {
        #expect(configErrors(reminderTOML("every = 45")) == [
            "config.toml:4:9: expected a string for \"every\", got integer; write a duration like \"45m\" or \"1h30m\"",
        ])
        #expect(configErrors(reminderTOML("every = \"45m\"\nenabled = \"no\"")) == [
            "config.toml:5:11: expected a boolean for \"enabled\", got string",
        ])
        #expect(configErrors(reminderTOML("every = \"45m\"\namount = 2.5")) == [
            "config.toml:5:10: expected an integer for \"amount\", got float",
        ])
        #expect(configErrors("[reminder]\nid = \"x\"") == [
            "config.toml:1:2: expected an array of tables for \"reminder\" (write [[reminder]]), got table",
        ])
        #expect(configErrors("daemon = 1") == [
            "config.toml:1:10: expected a table for \"daemon\" (write [daemon]), got integer",
        ])
    }

    @Test func badDurations() {
        #expect(configErrors(reminderTOML("every = \"45\"")) == [
            "config.toml:4:9: expected a duration like \"45m\" or \"1h30m\" for \"every\", got \"45\"",
        ])
        #expect(configErrors(reminderTOML("every = \"0m\"")) == [
            "config.toml:4:9: expected a duration above zero for \"every\", got \"0m\"",
        ])
        #expect(configErrors(reminderTOML("every = \"30s\"")) == [
            "config.toml:4:9: expected at least 1m for \"every\", got \"30s\"; reminders more often than once a minute would flood the journal",
        ])
        #expect(configErrors("[daemon]\ngrace = \"1.5h\"") == [
            "config.toml:2:9: expected a duration like \"45m\" or \"1h30m\" for \"grace\", got \"1.5h\"",
        ])
    }

    @Test func badTimes() {
        #expect(configErrors(reminderTOML("at = [\"08:30\", \"25:00\", 7]")) == [
            "config.toml:4:16: expected a time \"HH:MM\" or \"HH:MM:SS\" in \"at\", got \"25:00\"",
            "config.toml:4:25: expected a time in \"at\", got integer",
        ])
        #expect(configErrors(reminderTOML("at = []")) == [
            "config.toml:4:6: empty \"at\": name at least one time, like [\"08:30\"]",
        ])
    }

    @Test func tomlLocalTimesAreTimesToo() throws {
        let config = try validConfig(reminderTOML("at = [21:00, 08:30:15]"))
        #expect(config.reminders[0].schedule == .at(AtSchedule(times: [
            TimeOfDay(hour: 8, minute: 30, second: 15), TimeOfDay(hour: 21, minute: 0),
        ])))
    }

    @Test func windows() throws {
        #expect(configErrors(reminderTOML("every = \"45m\"\nbetween = \"08:00-08:00\"")) == [
            "config.toml:5:11: empty window \"08:00-08:00\" in \"between\": it starts and ends at the same time; leave out \"between\" for the whole day",
        ])
        #expect(configErrors(reminderTOML("every = \"45m\"\nbetween = [\"08:00-12:00\", \"13:00\"]")) == [
            "config.toml:5:27: expected a window \"HH:MM-HH:MM\", like \"08:00-21:00\", in \"between\", got \"13:00\"",
        ])
        #expect(configErrors("[daemon]\nquiet_hours = \"07:00-07:00\"") == [
            "config.toml:2:15: empty window \"07:00-07:00\" in \"quiet_hours\": it starts and ends at the same time; leave out \"quiet_hours\" for no quiet hours",
        ])
        let config = try validConfig("[daemon]\nquiet_hours = \"22:30-07:00\"\n" + reminderTOML("every = \"2h\"\nbetween = [\"20:00-02:00\"]"))
        #expect(config.daemon.quietHours == [DailyWindow(start: TimeOfDay(hour: 22, minute: 30), end: TimeOfDay(hour: 7, minute: 0))])
        guard case .every(let every) = config.reminders[0].schedule else { Issue.record("not every"); return }
        #expect(every.windows[0].crossesMidnight)
    }

    @Test func duplicateIDsPointAtBoth() {
        let text = reminderTOML("every = \"45m\"") + "\n" + reminderTOML("at = \"08:00\"")
        #expect(configErrors(text) == [
            "config.toml:6:6: duplicate reminder id \"water\"; give each [[reminder]] its own id",
            "  note config.toml:2:6: \"water\" is first defined here",
        ])
    }

    @Test func exactlyOneSchedule() {
        #expect(configErrors(reminderTOML("amount = 250")) == [
            "config.toml:2:6: reminder \"water\" has no schedule; set one of \"every\", \"at\", \"calendar\" or \"after\"",
        ])
        #expect(configErrors(reminderTOML("every = \"45m\"\nat = \"08:00\"")) == [
            "config.toml:5:1: reminder \"water\" has two schedules, \"every\" and \"at\"; keep one",
        ])
    }

    @Test func companionsBelongToTheirSchedule() {
        #expect(configErrors(reminderTOML("at = \"08:00\"\nbetween = \"08:00-12:00\"\nanchor = \"last-done\"")) == [
            "config.toml:5:1: \"between\" is only used with \"every\"; reminder \"water\" uses \"at\"",
            "config.toml:6:1: \"anchor\" is only used with \"every\"; reminder \"water\" uses \"at\"",
        ])
        #expect(configErrors(reminderTOML("at = \"25:00\"\nbetween = \"08:00-12:00\"")) == [
            "config.toml:4:6: expected a time \"HH:MM\" or \"HH:MM:SS\" in \"at\", got \"25:00\"",
            "config.toml:5:1: \"between\" is only used with \"every\"; reminder \"water\" uses \"at\"",
        ])
        let calendarWithDays = configErrors(reminderTOML("calendar = \"Mon 10:00\"\ndays = \"mon\""))
        #expect(calendarWithDays.contains(
            "config.toml:5:1: \"days\" is only used with \"every\" or \"at\"; reminder \"water\" uses \"calendar\"; put the days in the expression, like \"Mon..Fri 10:00\""))
        #expect(configErrors(reminderTOML("every = \"1h\"\nanchor = \"done\"")) == [
            "config.toml:5:10: expected \"window\" or \"last-done\" for \"anchor\", got \"done\"",
        ])
    }

    @Test func days() throws {
        #expect(configErrors(reminderTOML("at = \"08:00\"\ndays = []")) == [
            "config.toml:5:8: empty \"days\": name at least one day, like [\"mon\", \"tue\"], or leave out \"days\" for every day",
        ])
        #expect(configErrors(reminderTOML("at = \"08:00\"\ndays = [\"mon\", \"tues\"]")) == [
            "config.toml:5:16: expected a day \"mon\"…\"sun\" or a range like \"mon..fri\" in \"days\", got \"tues\"; did you mean \"tue\"?",
        ])
        let config = try validConfig(reminderTOML("at = \"08:00\"\ndays = [\"mon..wed\", \"sat\"]"))
        #expect(config.reminders[0].schedule == .at(AtSchedule(times: [TimeOfDay(hour: 8, minute: 0)],
                                                                days: [.monday, .tuesday, .wednesday, .saturday])))
    }

    @Test func electrolytes() {
        #expect(configErrors(reminderTOML("electrolyte = \"magnesum\"\nat = \"20:00\"", id: "mg", kind: "electrolyte")) == [
            "config.toml:4:15: expected one of \"sodium\", \"potassium\", \"magnesium\" or \"calcium\" for \"electrolyte\", got \"magnesum\"; did you mean \"magnesium\"?",
        ])
        #expect(configErrors(reminderTOML("at = \"20:00\"", id: "mg", kind: "electrolyte")) == [
            "config.toml:2:6: reminder \"mg\" has kind \"electrolyte\" but no \"electrolyte\"; set electrolyte = one of \"sodium\", \"potassium\", \"magnesium\" or \"calcium\"",
        ])
        #expect(configErrors(reminderTOML("electrolyte = \"sodium\"\nat = \"20:00\"")) == [
            "config.toml:4:1: \"electrolyte\" is only for kind \"electrolyte\"; reminder \"water\" has kind \"hydration\"",
        ])
    }

    @Test func amounts() {
        #expect(configErrors(reminderTOML("amount = 0\nat = \"20:00\"")) == [
            "config.toml:4:10: expected a number above zero for \"amount\", got 0",
        ])
        #expect(configErrors(reminderTOML("amount = -250\nat = \"20:00\"")) == [
            "config.toml:4:10: expected a number above zero for \"amount\", got -250",
        ])
        #expect(configErrors(reminderTOML("amount = 30\nat = \"20:00\"", id: "calves", kind: "stretch")) == [
            "config.toml:4:1: \"amount\" is only for kinds \"hydration\" (ml) and \"electrolyte\" (mg); reminder \"calves\" has kind \"stretch\"",
        ])
        #expect(configErrors("[goals]\nwater_ml = 0\nsodium_mg = 3000\nsodium_max_mg = 2300") == [
            "config.toml:2:12: expected a number above zero for \"water_ml\", got 0",
            "config.toml:3:13: \"sodium_mg\" (3000 mg) is above its safety cap \"sodium_max_mg\" (2300 mg); lower the target or raise the cap",
        ])
    }

    @Test func kindsAndMessages() throws {
        #expect(configErrors("[[reminder]]\nid = \"x\"\nat = \"08:00\"") == [
            "config.toml:2:6: reminder \"x\" has no \"kind\"; set kind = one of \"hydration\", \"electrolyte\", \"stretch\" or \"custom\"",
        ])
        #expect(configErrors(reminderTOML("at = \"08:00\"", kind: "hydrate")) == [
            "config.toml:3:8: expected one of \"hydration\", \"electrolyte\", \"stretch\" or \"custom\" for \"kind\", got \"hydrate\"; did you mean \"hydration\"?",
        ])
        #expect(configErrors(reminderTOML("at = \"08:00\"", id: "note", kind: "custom")) == [
            "config.toml:2:6: reminder \"note\" has kind \"custom\" but no \"message\"; set the text to show, like message = \"…\"",
        ])
        #expect(configErrors("[[reminder]]\nkind = \"custom\"") == [
            "config.toml:1:3: [[reminder]] has no \"id\"; give it one, like id = \"water\"",
        ])
        #expect(configErrors(reminderTOML("at = \"08:00\"", id: "my water")) == [
            "config.toml:2:6: expected an id of letters, digits, \"-\" and \"_\" for \"id\", got \"my water\"",
        ])
        let config = try validConfig(reminderTOML("at = \"08:00\""))
        #expect(config.reminders[0].message == "Time for a glass of water.")
        #expect(config.reminders[0].enabled)
    }

    @Test func skipIfLoggedWithinIsForHydration() {
        #expect(configErrors(reminderTOML("at = \"08:00\"\nskip_if_logged_within = \"30m\"", id: "calves", kind: "stretch")) == [
            "config.toml:5:1: \"skip_if_logged_within\" is only for kind \"hydration\"; reminder \"calves\" has kind \"stretch\"",
        ])
    }

    @Test func timezonesComeFromTzdata() throws {
        #expect(try validConfig("[daemon]\ntimezone = \"Europe/Berlin\"").daemon.timezone == "Europe/Berlin")
        let errors = configErrors("[daemon]\ntimezone = \"Europe/Berln\"")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("config.toml:2:12: ") == true)
        #expect(errors.first?.hasSuffix("; use an IANA name like \"Europe/Berlin\" (see /usr/share/zoneinfo), or leave out \"timezone\" for the system zone") == true)
    }

    @Test func invalidCalendarExpressionsAreReported() {
        #expect(configErrors(reminderTOML("calendar = \"Mon..Fry 10:00\"")) == [
            "config.toml:4:12: invalid calendar expression \"Mon..Fry 10:00\": expected a weekday name, got \"Fry 10:00\"",
        ])
    }

    @Test func calendarExpressionsAreSchedules() throws {
        let config = try validConfig(reminderTOML("calendar = \"Mon..Fri 10:00\"", id: "calves", kind: "stretch"))
        #expect(ScheduleWording.describe(config.reminders[0].schedule) == "calendar Mon..Fri *-*-* 10:00:00")
    }

    @Test func emptyQuietHoursMeanNone() throws {
        #expect(try validConfig("[daemon]\nquiet_hours = []").daemon.quietHours == [])
    }

    @Test func notifyChannels() throws {
        #expect(try validConfig("[daemon]\nnotify = [\"desktop\"]").daemon.notify == [.journal, .desktop])
        #expect(configErrors("[daemon]\nnotify = [\"dekstop\"]") == [
            "config.toml:2:11: expected \"journal\" or \"desktop\" in \"notify\", got \"dekstop\"; did you mean \"desktop\"?",
        ])
    }

    @Test func syntaxErrorsOfEveryFileAreReported() {
        let errors = configErrors("[daemon\n", dropIns: ["x = = 1"])
        #expect(errors.count == 2)
        #expect(errors[0].hasPrefix("config.toml:1:"))
        #expect(errors[1].hasPrefix("d1.toml:1:"))
    }

    @Test func threeMistakesShowAllThreeWithCarets() {
        let text = """
            [daemon]
            catch_up = "onse"

            [[reminder]]
            id = "water"
            kind = "hydration"
            every = "45"
            between = "08:00-08:00"
            """
        guard case .failure(let failure) = loadConfig(text) else { Issue.record("expected errors"); return }
        #expect(failure.rendered() == """
            config.toml:2:12: expected "once" or "skip" for "catch_up", got "onse"; did you mean "once"?
                catch_up = "onse"
                           ^
            config.toml:7:9: expected a duration like "45m" or "1h30m" for "every", got "45"
                every = "45"
                        ^
            config.toml:8:11: empty window "08:00-08:00" in "between": it starts and ends at the same time; leave out "between" for the whole day
                between = "08:00-08:00"
                          ^
            """)
        #expect(failure.countText == "3 errors")
        #expect(failure.renderedEach().joined(separator: "\n") == failure.rendered())
        #expect(failure.renderedEach().count == 3)
    }

    @Test func keyTableDefaultsMatchTheDomainDefaults() throws {
        let config = try validConfig("")
        #expect(config.daemon == DaemonSettings())
        #expect(config.goals == Goals())
        #expect(config.reminders.isEmpty)
    }
}
