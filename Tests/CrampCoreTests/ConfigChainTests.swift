import CrampCore
import Testing

/// Issue 17 part 3: `after`, `delay` and `latest` in the config.
@Suite struct ConfigChainTests {
    static let dinner = reminderTOML("at = \"19:00\"\nmessage = \"Dinner\"", id: "dinner", kind: "custom")

    static func magnesium(_ extra: String, id: String = "magnesium") -> String {
        reminderTOML("electrolyte = \"magnesium\"\namount = 200\n" + extra, id: id, kind: "electrolyte")
    }

    @Test func afterDelayAndLatestAreRead() throws {
        let config = try validConfig(Self.dinner + "\n" + Self.magnesium("after = \"dinner\"\ndelay = \"2h\"\nlatest = \"22:30\""))
        #expect(config.reminder(id: "magnesium")?.schedule == .after(ChainSchedule(anchorID: "dinner", delay: .hours(2),
                                                                                  latest: TimeOfDay(hour: 22, minute: 30))))
        let bare = try validConfig(Self.dinner + "\n" + Self.magnesium("after = \"dinner\""))
        #expect(bare.reminder(id: "magnesium")?.schedule == .after(ChainSchedule(anchorID: "dinner", delay: .zero)))
    }

    @Test func unknownIdsAndCirclesAreLocatedErrors() {
        #expect(configErrors(Self.dinner + "\n" + Self.magnesium("after = \"diner\"")) == [
            "config.toml:11:9: reminder \"magnesium\" comes after \"diner\", but no reminder has that id; did you mean \"dinner\"?",
        ])
        #expect(configErrors(Self.magnesium("after = \"magnesium\"")) == [
            "config.toml:6:9: reminder \"magnesium\" cannot come after itself; name another reminder in \"after\"",
        ])
        let circle = Self.magnesium("after = \"b\"", id: "a") + "\n" + Self.magnesium("after = \"c\"", id: "b") + "\n"
            + Self.magnesium("after = \"a\"", id: "c") + "\n" + Self.magnesium("after = \"a\"", id: "d")
        #expect(configErrors(circle) == [
            "config.toml:6:9: reminders come after each other in a circle (\"a\" → \"b\" → \"c\" → \"a\"), so none of them would ever fall due; remove \"after\" from one of them",
        ])
    }

    @Test func companionsAndBoundsAreChecked() {
        #expect(configErrors(Self.dinner + "\n" + Self.magnesium("at = \"21:00\"\ndelay = \"2h\"")) == [
            "config.toml:12:1: \"delay\" is only used with \"after\"; reminder \"magnesium\" uses \"at\"",
        ])
        #expect(configErrors(Self.dinner + "\n" + Self.magnesium("after = \"dinner\"\ndelay = \"2d\"")) == [
            "config.toml:12:9: expected at most 1d for \"delay\", got \"2d\"; a dose timed from a meal comes the same day or the night after",
        ])
        #expect(configErrors(Self.dinner + "\n" + Self.magnesium("after = \"dinner\"\nlatest = \"25:00\"")) == [
            "config.toml:12:10: expected a time \"HH:MM\" or \"HH:MM:SS\" in \"latest\", got \"25:00\"",
        ])
        #expect(configErrors(Self.dinner + "\n" + Self.magnesium("every = \"1h\"\nbetween = \"08:00-20:00\"\nafter = \"dinner\"")).count == 1)
    }
}
