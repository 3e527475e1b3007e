import ArgumentParser
import CrampProtocol

struct CtlDrink: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "drink",
        abstract: "Log a drink of water in the diary.",
        discussion: """
            Without ML, the amount of the first hydration reminder in the config applies, \
            else 250 ml. Hydration reminders with skip_if_logged_within skip a firing after \
            it, and rest for the day once the [goals] water_ml goal is met.

            Examples:
              crampd ctl drink
              crampd ctl drink 330
              crampd ctl drink 500 --note "after the run"
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: ArgumentHelp("How much, in millilitres.", valueName: "ml"))
    var milliliters: Int?

    @Option(help: "A few words to keep with the drink.")
    var note: String?

    func command() throws -> Command { try Self.command(milliliters: milliliters, note: note) }

    static func command(milliliters: Int?, note: String?) throws -> Command {
        if let milliliters, milliliters <= 0 { throw ValidationError("expected a positive amount in ml, got \(milliliters)") }
        return .drink(milliliters: milliliters, note: note)
    }

}
