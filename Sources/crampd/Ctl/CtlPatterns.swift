import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlPatterns: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "patterns",
        abstract: "Compare the 24 hours before each cramp with cramp-free days: water, electrolytes, missed reminders.",
        discussion: """
            Night cramps and day cramps apart; counts, not verdicts, and "too few cramps to say" \
            below \(CrampPatterns.minimumCramps). A cramp-free day is a whole day with no cramp in \
            it or in the 24 hours after. A pattern in your own log, not a diagnosis. The same \
            counts are a section of `crampd ctl report`.

            Examples:
              crampd ctl patterns
              crampd ctl patterns --days 30
            """)

    @OptionGroup var options: CtlOptions

    @Option(help: "How many days back, today included (1-\(DiaryReport.maxDays)).")
    var days = 90

    func command() throws -> Command { try Self.command(days: days, today: LocalDay.date(of: CtlClock.now(), in: CtlClock.zone())) }

    static func command(days: Int, today: CivilDate) throws -> Command {
        guard (1...DiaryReport.maxDays).contains(days) else {
            throw ValidationError("expected --days from 1 to \(DiaryReport.maxDays), got \(days)")
        }
        return .report(since: today.adding(days: -(days - 1)).isoText, until: nil)
    }

    func run() throws {
        var flags = options.flags
        flags.patternsOnly = true
        let status = CtlSession.perform(try command(), flags)
        if status != 0 { throw ExitCode(status) }
    }

    /// The patterns of a report: one finding a line and the educational wording, or their JSON.
    static func output(_ result: ControlResult, json: Bool) -> [UInt8] {
        guard case .report(let report) = result else { return result.encodedJSON() }
        if json { return WireCoding.line(report.patterns) }
        let head = "Cramps from \(report.since.isoText) to \(report.until.isoText): the 24 hours before each, against cramp-free days."
        return Array(([head] + report.patterns.lines() + ["", CrampPatterns.wording]).joined(separator: "\n").utf8) + [10]
    }
}
