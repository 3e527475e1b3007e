import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlTake: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "Log an electrolyte dose in the diary.",
        discussion: """
            Without MG, the amount of that electrolyte's reminder in the config applies. \
            A dose that takes the day past its [goals] cap is logged, and the answer says so.

            Examples:
              crampd ctl take magnesium
              crampd ctl take electrolytes
              crampd ctl take potassium 99
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: ArgumentHelp(
        "One of: \(Electrolyte.allCases.map(\.rawValue).joined(separator: ", ")); or an electrolyte reminder's id (its electrolyte and amount).",
        valueName: "electrolyte"), completion: CtlCompletion.electrolytes)
    var electrolyte: String

    @Argument(help: ArgumentHelp("How much, in milligrams of the element.", valueName: "mg"))
    var milligrams: Int?

    func command() throws -> Command { try Self.command(electrolyte: electrolyte, milligrams: milligrams) }

    static func command(electrolyte: String, milligrams: Int?) throws -> Command {
        if let milligrams, milligrams <= 0 { throw ValidationError("expected a positive amount in mg, got \(milligrams)") }
        return .take(electrolyte: electrolyte, milligrams: milligrams)
    }

}
