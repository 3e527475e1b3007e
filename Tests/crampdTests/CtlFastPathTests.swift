import CrampCore
import CrampProtocol
import TestSupport
import Testing
@testable import crampd

/// `CtlFastPath` must read every argument vector exactly as argument-parser does, or decline it.
struct CtlFastPathTests {
    /// What argument-parser makes of `arguments`: the ctl command and flags it would run,
    /// or nil for help, a usage error, or a command that is not a `CtlVerb`.
    private func viaArgumentParser(_ arguments: [String]) -> CtlFastPath.Invocation? {
        guard let parsed = try? Crampd.parseAsRoot(arguments), let verb = parsed as? any CtlVerb,
              let command = try? verb.command() else { return nil }
        return CtlFastPath.Invocation(command: command, flags: verb.options.flags)
    }

    @Test(arguments: [
        ["ctl", "status"],
        ["ctl", "status", "--json"],
        ["ctl", "status", "--socket", "/run/user/1000/crampd/ctl.sock"],
        ["ctl", "status", "--socket=/tmp/x.sock", "--json"],
        ["ctl", "list"],
        ["ctl", "next"],
        ["ctl", "show", "water"],
        ["ctl", "done", "magnesium"],
        ["ctl", "snooze", "water"],
        ["ctl", "snooze", "water", "15m"],
        ["ctl", "snooze", "--json", "water", "1h30m"],
        ["ctl", "skip", "water"],
        ["ctl", "skip", "water", "2"],
        ["ctl", "trigger", "water"],
        ["ctl", "pause"],
        ["ctl", "pause", "2h"],
        ["ctl", "resume"],
        ["ctl", "set", "water", "every=30m"],
        ["ctl", "set", "water", "between=08:00-20:00", "days=mon..fri"],
        ["ctl", "set", "water", "enabled=false", "--runtime"],
        ["ctl", "add", "potassium", "kind=electrolyte", "at=12:00", "message=Eat a banana"],
        ["ctl", "remove", "water"],
        ["ctl", "remove", "--runtime", "water"],
        ["ctl", "reset", "water"],
        ["ctl", "reset", "water", "--runtime"],
        ["ctl", "reload"],
        ["ctl", "drink"],
        ["ctl", "drink", "330"],
        ["ctl", "drink", "+330"],
        ["ctl", "drink", "500ml"],
        ["ctl", "drink", "0.5l"],
        ["ctl", "drink", "12oz"],
        ["ctl", "take", "electrolytes"],
        ["ctl", "take", "magnesium"],
        ["ctl", "take", "magnesium", "300"],
        ["ctl", "take", "calcium-citrate"],
        ["ctl", "cramp"],
        ["ctl", "undo"],
        ["ctl", "today"],
        ["ctl", "stats"],
        ["ctl", "export", "--json"],
        ["ctl", "export"],
        ["ctl", "show", "help"],
    ])
    func everydayFormsTakeTheFastPathAndMeanTheSame(_ arguments: [String]) throws {
        let fast = try #require(CtlFastPath.parse(arguments))
        #expect(fast == viaArgumentParser(arguments))
    }

    @Test(arguments: [
        ["ctl"],
        ["ctl", "--help"],
        ["ctl", "status", "--help"],
        ["ctl", "status", "-h"],
        ["ctl", "help", "status"],
        ["ctl", "--json", "status"],
        ["ctl", "status", "extra"],
        ["ctl", "status", "--json", "--json"],
        ["ctl", "status", "--socket"],
        ["ctl", "status", "--socket", "--json"],
        ["ctl", "status", "--socket="],
        ["ctl", "status", "--socket", "a", "--socket", "b"],
        ["ctl", "status", "--"],
        ["ctl", "next", "-n", "3"],
        ["ctl", "next", "--count=3"],
        ["ctl", "show"],
        ["ctl", "show", "wat er"],
        ["ctl", "show", "water", "--runtime"],
        ["ctl", "snooze", "water", "soon"],
        ["ctl", "snooze", "water", "-5m"],
        ["ctl", "pause", "--until", "18:00"],
        ["ctl", "pause", "2h", "3h"],
        ["ctl", "set", "water"],
        ["ctl", "set", "water", "every"],
        ["ctl", "set", "water", "=30m"],
        ["ctl", "drink", "-5"],
        ["ctl", "drink", "0"],
        ["ctl", "drink", "lots"],
        ["ctl", "drink", "250", "--note", "after the run"],
        ["ctl", "take"],
        ["ctl", "cramp", "--muscle", "calf"],
        ["ctl", "stats", "--days", "30"],
        ["ctl", "export", "--csv"],
        ["ctl", "notify-test"],
        ["ctl", "bogus"],
        ["status"],
        ["--version"],
        ["calendar", "daily"],
    ])
    func everythingElseGoesToArgumentParser(_ arguments: [String]) {
        #expect(CtlFastPath.parse(arguments) == nil)
    }

    /// Seeded random vectors over verbs, words and flags, valid and not: whenever the fast
    /// path accepts one, argument-parser must read it the same way.
    @Test func randomVectorsAgreeWithArgumentParser() {
        let verbs = Command.names + ["help", "bogus", "--json", "-h"]
        let tokens = [
            "water", "magnesium", "sodium", "x_1", "wat!er", "", "help", "ctl", "list",
            "15m", "1h30m", "90s", "soon", "0", "250", "+5", "-5", "007", "1e3", "0.5l", "12oz", "2",
            "every=30m", "days=mon..fri", "=x", "enabled=false", "message=Drink up",
            "--json", "--socket", "/tmp/s.sock", "--socket=/tmp/t.sock", "--socket=", "--runtime",
            "-h", "--help", "--", "-", "-n", "3", "--days", "--until", "18:00", "--note", "--csv", "--since",
        ]
        var random = SplitMix64(seed: 20261125)
        var accepted = 0
        for _ in 0..<4000 {
            var arguments = ["ctl", verbs[random.int(0...verbs.count - 1)]]
            for _ in 0..<random.int(0...4) { arguments.append(tokens[random.int(0...tokens.count - 1)]) }
            guard let fast = CtlFastPath.parse(arguments) else { continue }
            accepted += 1
            #expect(fast == viaArgumentParser(arguments), "\(arguments)")
        }
        #expect(accepted > 400, "the corpus should exercise the fast path, not only its refusals")
    }

    @Test func setHelpNamesEverySettableKey() {
        let help = CtlSet.helpMessage(columns: 200)
        for key in DropInEdit.editableKeys { #expect(help.contains(key), "ctl set --help lacks \(key)") }
        #expect(help.contains("skip_if_logged_within"))
    }
}
