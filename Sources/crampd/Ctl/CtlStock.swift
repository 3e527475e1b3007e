import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlStock: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "stock",
        abstract: "Show supplies: units left and the day they run out; or set a count after a refill.",
        discussion: """
            Each [supply.<electrolyte>] of the config: units left (its count minus the doses logged \
            since, each amount / mg_per_unit rounded up) and the day they run out at the pace of \
            that electrolyte's reminders. With ELECTROLYTE and COUNT, sets the count first (the \
            diary records it).

            Examples:
              crampd ctl stock
              crampd ctl stock magnesium 90
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: ArgumentHelp("With COUNT: the supply to set, one of: \(Electrolyte.allCases.map(\.rawValue).joined(separator: ", ")).",
                                 valueName: "electrolyte"), completion: .list(Electrolyte.allCases.map(\.rawValue)))
    var electrolyte: String?

    @Argument(help: ArgumentHelp("The units on hand now (0-\(Supply.maximumUnits)).", valueName: "count"))
    var units: Int?

    func command() throws -> Command { try Self.command(electrolyte: electrolyte, units: units) }

    static func command(electrolyte: String?, units: Int?) throws -> Command {
        if electrolyte != nil && units == nil { throw ValidationError("expected a COUNT after the electrolyte, like: crampd ctl stock magnesium 90") }
        if let units, !(0...Supply.maximumUnits).contains(units) {
            throw ValidationError("expected a COUNT from 0 to \(Supply.maximumUnits), got \(units)")
        }
        return .stock(electrolyte: electrolyte, units: units)
    }
}
