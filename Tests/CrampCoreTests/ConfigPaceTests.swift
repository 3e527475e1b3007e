import CrampCore
import Testing

/// Issue 17 part 2: `water_checkpoints` and `pace` in the config.
@Suite struct ConfigPaceTests {
    @Test func checkpointsAndPaceAreRead() throws {
        let config = try validConfig("[goals]\nwater_ml = 2000\nwater_checkpoints = [\"12:00=800\", \"16:00 = 1500\"]\n"
            + reminderTOML("every = \"1h\"\namount = 250\npace = true"))
        #expect(config.goals.waterCheckpoints == [WaterCheckpoint(time: TimeOfDay(hour: 12, minute: 0), milliliters: 800),
                                                  WaterCheckpoint(time: TimeOfDay(hour: 16, minute: 0), milliliters: 1500)])
        #expect(config.reminders[0].pace)
    }

    @Test func badCheckpointsAreLocatedErrors() {
        #expect(configErrors("[goals]\nwater_ml = 2000\nwater_checkpoints = [\"12:00\", \"16:00=1500\", \"15:00=1600\", \"17:00=1400\", \"18:00=2500\"]") == [
            "config.toml:3:22: expected a checkpoint like \"12:00=800\" (time of day = ml, above zero) in \"water_checkpoints\", got \"12:00\"",
            "config.toml:3:45: checkpoint \"15:00=1600\" comes after \"16:00=1500\" in \"water_checkpoints\" but is not later in the day; list them in time order",
            "config.toml:3:59: checkpoint \"17:00=1400\" asks for less than the earlier \"15:00=1600\"; each is the day's total so far, so the amounts cannot go down",
            "config.toml:3:73: checkpoint \"18:00=2500\" is above the daily goal water_ml = 2000; lower it or raise the goal",
        ])
    }

    @Test func paceNeedsHydrationAndAGoal() {
        #expect(configErrors(reminderTOML("every = \"1h\"\npace = true")) == [
            "config.toml:5:1: reminder \"water\" keeps pace toward the daily water goal, but [goals] has no water_ml; set water_ml = 2000 (say), or leave out \"pace\"",
        ])
        #expect(configErrors("[goals]\nwater_ml = 2000\n" + reminderTOML("every = \"1h\"\nmessage = \"Stretch\"\npace = true", id: "s", kind: "stretch")) == [
            "config.toml:8:1: \"pace\" is only for kind \"hydration\"; reminder \"s\" has kind \"stretch\"",
        ])
    }
}
