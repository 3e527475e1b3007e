import ArgumentParser
import CrampProtocol

/// A `crampd ctl` subcommand whose arguments make one daemon command.
///
/// `command()` is the only place a verb turns its words into a `Command` and checks them;
/// argument-parser calls it through `validate()`, and `CtlFastPath` calls the same static
/// builders, so both paths agree by construction (Tests/crampdTests checks it anyway).
protocol CtlVerb: ParsableCommand {
    var options: CtlOptions { get }
    func command() throws -> Command
}

extension CtlVerb {
    func validate() throws { _ = try command() }

    func run() throws {
        let status = CtlSession.perform(try command(), options.flags)
        if status != 0 { throw ExitCode(status) }
    }
}
