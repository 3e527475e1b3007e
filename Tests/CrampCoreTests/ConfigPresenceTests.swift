import Testing
@testable import CrampCore

/// Issue 16: `[daemon] while_away` and `away_after`.
@Suite struct ConfigPresenceTests {
    @Test func defaultsHoldAfterFiveMinutes() throws {
        let config = try validConfig(reminderTOML("every = \"45m\""))
        #expect(config.daemon.whileAway == .hold)
        #expect(config.daemon.awayAfter == .minutes(5))
    }

    @Test func awayAfterTakesAnyDurationFromOneSecondOrOff() throws {
        #expect(try validConfig("[daemon]\naway_after = \"1s\"\n" + reminderTOML("every = \"45m\"")).daemon.awayAfter == .seconds(1))
        #expect(try validConfig("[daemon]\naway_after = \"off\"\n" + reminderTOML("every = \"45m\"")).daemon.awayAfter == nil)
        #expect(try validConfig("[daemon]\nwhile_away = \"deliver\"\n" + reminderTOML("every = \"45m\"")).daemon.whileAway == .deliver)
    }

    @Test func mistakesAreLocated() {
        #expect(configErrors("[daemon]\naway_after = \"0s\"\n") == [
            "config.toml:2:14: expected a duration above zero for \"away_after\", got \"0s\"",
        ])
        #expect(configErrors("[daemon]\naway_after = \"never\"\n") == [
            "config.toml:2:14: expected a duration like \"45m\" or \"1h30m\" for \"away_after\", got \"never\"",
        ])
        #expect(configErrors("[daemon]\nwhile_away = \"hide\"\n") == [
            "config.toml:2:14: expected \"hold\" or \"deliver\" for \"while_away\", got \"hide\"",
        ])
    }
}
