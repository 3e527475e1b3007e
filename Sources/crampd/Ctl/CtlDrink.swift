import ArgumentParser
import CrampProtocol

struct CtlDrink: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "drink",
        abstract: "Log a drink of water in the diary.",
        discussion: """
            Without AMOUNT, the amount of the first hydration reminder in the config applies, \
            else 250 ml. Hydration reminders with skip_if_logged_within skip a firing after \
            it, and rest for the day once the [goals] water_ml goal is met.

            Examples:
              crampd ctl drink
              crampd ctl drink 330
              crampd ctl drink 0.5l
              crampd ctl drink 12oz
              crampd ctl drink 500 --note "after the run"
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: ArgumentHelp("How much: millilitres (330, 500ml), litres (0.5l) or US fluid ounces (12oz).",
                                 valueName: "amount"))
    var amount: String?

    @Option(help: "A few words to keep with the drink.")
    var note: String?

    func command() throws -> Command { try Self.command(amount: amount, note: note) }

    static func command(amount: String?, note: String?) throws -> Command {
        guard let amount else { return .drink(milliliters: nil, note: note) }
        do { return .drink(milliliters: try ArgumentText.volume(amount), note: note) }
        catch { throw ValidationError(error.message) }
    }

}
