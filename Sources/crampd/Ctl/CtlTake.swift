import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlTake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "Log an electrolyte dose in the diary.",
        discussion: """
            Without MG, the amount of that electrolyte's reminder in the config applies. \
            A dose that takes the day past its [goals] cap is logged, and the answer says so.

            Examples:
              crampd ctl take magnesium
              crampd ctl take potassium 99
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: ArgumentHelp("One of: \(Electrolyte.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "electrolyte"))
    var electrolyte: String

    @Argument(help: ArgumentHelp("How much, in milligrams of the element.", valueName: "mg"))
    var milligrams: Int?

    func validate() throws {
        if let milligrams, milligrams <= 0 { throw ValidationError("expected a positive amount in mg, got \(milligrams)") }
    }

    func run() throws { try CtlSession.perform(.take(electrolyte: electrolyte, milligrams: milligrams), options) }
}
