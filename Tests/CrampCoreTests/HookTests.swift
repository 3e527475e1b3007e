import CrampCore
import Testing

/// `[[hook]]`: placeholders substituted per argument, the environment, and the config's
/// located errors.
struct HookCommandTests {
    static let fields = [
        "CRAMPD_EVENT": "due", "CRAMPD_REMINDER": "water", "CRAMPD_AMOUNT": "250", "CRAMPD_UNIT": "ml",
        "MESSAGE": "Drink a glass; \"now\" $HOME `x`", "MESSAGE_ID": "35dc", "PRIORITY": "5",
        "CRAMPD_DUE_USEC": "1795615200000000",          // 2026-11-25 14:00:00 UTC
        "__REALTIME_TIMESTAMP": "1795615207000000",    // 14:00:07
    ]

    @Test func placeholdersAreReplacedAndEachArgumentStaysOne() {
        let argv = HookCommand.expand(["notify-send", "{message}", "{reminder}: {amount} {unit} at {due} ({time})", "{{literal}}", "{muscle}"],
                                      fields: Self.fields, zone: .utc)
        #expect(argv == ["notify-send", "Drink a glass; \"now\" $HOME `x`", "water: 250 ml at 14:00 (14:00:07)", "{literal}", ""])
    }

    @Test func timesAreInTheDaemonsZone() throws {
        let berlin = try Zone.named("Europe/Berlin")
        #expect(HookCommand.expand(["{due}"], fields: Self.fields, zone: berlin) == ["15:00"])
    }

    @Test func environmentCarriesTheEventFields() {
        let environment = HookCommand.environment(fields: Self.fields, hook: 2)
        #expect(environment["CRAMPD_EVENT"] == "due")
        #expect(environment["CRAMPD_REMINDER"] == "water")
        #expect(environment["CRAMPD_MESSAGE"] == Self.fields["MESSAGE"])
        #expect(environment["CRAMPD_MESSAGE_ID"] == "35dc")
        #expect(environment["CRAMPD_HOOK"] == "2")
        #expect(environment["__REALTIME_TIMESTAMP"] == nil && environment["MESSAGE"] == nil)
    }

    @Test func unknownPlaceholdersAndLoneBracesAreProblems() {
        #expect(HookCommand.check("{mesage}")?.message.hasPrefix("unknown placeholder {mesage}; did you mean {message}?") == true)
        #expect(HookCommand.check("a}b") != nil)
        #expect(HookCommand.check("{message") != nil)
        #expect(HookCommand.check("{{}}") == nil)
        #expect(HookCommand.check("") == nil)
    }
}

struct HookConfigTests {
    @Test func hooksAreReadInFileOrderAcrossDropIns() throws {
        let config = try validConfig("""
            [[hook]]
            on = ["due", "missed"]
            exec = ["notify-send", "{message}"]
            """, dropIns: ["""
            [[hook]]
            on = "cramp"
            exec = ["logger", "cramp"]
            timeout = "30s"
            """])
        #expect(config.hooks == [
            Hook(index: 1, on: ["due", "missed"], exec: ["notify-send", "{message}"]),
            Hook(index: 2, on: ["cramp"], exec: ["logger", "cramp"], timeout: .seconds(30)),
        ])
    }

    @Test func mistakesAreLocated() {
        let errors = configErrors("""
            [[hook]]
            on = ["due", "mised"]
            exec = []
            timeout = "20m"

            [[hook]]
            on = ["done"]
            exec = ["notify-send", "{mesage}"]
            timeout = "0s"

            [[hook]]
            exec = "notify-send hi"
            colour = 1
            """)
        #expect(errors == [
            "config.toml:2:14: unknown event \"mised\" in \"on\"; did you mean \"missed\"?",
            "config.toml:3:8: empty \"exec\"; give the program and its arguments, like exec = [\"notify-send\", \"{message}\"]",
            "config.toml:4:11: expected a \"timeout\" up to 10m, got 20m; a hook is not a service",
            "config.toml:8:24: unknown placeholder {mesage}; did you mean {message}? (known: " + HookCommand.placeholderNames.map { "{\($0)}" }.joined(separator: " ") + ")",
            "config.toml:9:11: expected a duration above zero for \"timeout\", got \"0s\"",
            "config.toml:11:3: [[hook]] has no \"on\"; name the events that run it, like on = [\"due\", \"missed\"]",
            "config.toml:12:8: expected an array of strings for \"exec\" (it runs without a shell), got a string; write exec = [\"program\", \"argument\"]",
            "config.toml:13:1: unknown key \"colour\" in [[hook]] (known: on, exec, timeout)",
        ])
    }

    @Test func checkConfigListsTheHooks() throws {
        guard case .success(let loaded) = loadConfig("""
            [[hook]]
            on = ["due", "missed"]
            exec = ["notify-send", "{message}"]
            """) else { Issue.record("the config did not load"); return }
        let summary = ConfigSummary.render(loaded, zone: .utc, zoneNote: "test", now: Instant(microseconds: 0))
        #expect(summary.contains("\nHook 1: on due, missed runs notify-send {message} (timeout 10s)\n"))
    }

    @Test func everyEventCrampdWritesMayBeNamed() {
        // The names the daemon puts in CRAMPD_EVENT (ReminderEventKind and the others) are all known here.
        for name in ["due", "catch-up", "repeat", "missed", "snoozed", "done", "skipped", "paused", "resumed", "reloaded",
                     "reload-failed", "zone-changed", "drink", "dose", "cramp", "goal-met", "dismissed", "held", "back"] {
            #expect(Hook.events.contains(name), "\(name)")
        }
    }
}
