import ArgumentParser
import CrampCore
import CrampProtocol

struct CtlSkip: CtlVerb {
    static let configuration = CommandConfiguration(
        commandName: "skip",
        abstract: "Skip the next occurrences of a reminder.",
        discussion: """
            Skips the next COUNT firings (default 1; a pending snooze counts as the first), \
            or every firing before midnight (--today) or before a time (--until). A skip \
            replaces an earlier one of the same reminder, so repeating it skips no more. \
            The answer names every firing it drops.

            Examples:
              crampd ctl skip magnesium
              crampd ctl skip water 2
              crampd ctl skip water --today
              crampd ctl skip water --until 18:00
            """)

    @OptionGroup var options: CtlOptions

    @Argument(help: "The reminder id.", completion: CtlCompletion.reminderIDs)
    var reminder: String

    @Argument(help: ArgumentHelp("How many firings to skip, 1 to \(Command.maxSkipCount).", valueName: "count"))
    var count: Int?

    @Flag(help: "Skip every firing until midnight.")
    var today = false

    @Option(help: ArgumentHelp("Skip every firing before this time: 18:00 (the next one) or \"2026-11-26 08:00\".",
                               valueName: "time"))
    var until: String?

    func command() throws -> Command { try Self.command(reminder: reminder, count: count, today: today, until: until) }

    static func command(reminder: String, count: Int? = nil, today: Bool = false, until: String? = nil) throws -> Command {
        let id = try checkedReminderID(reminder)
        if [count != nil, today, until != nil].filter({ $0 }).count > 1 {
            throw ValidationError("expected one of COUNT, --today or --until, got more")
        }
        if let count {
            guard (1...Command.maxSkipCount).contains(count) else {
                throw ValidationError("expected a count from 1 to \(Command.maxSkipCount), got \(count)")
            }
            return .skip(reminder: id, .next(count))
        }
        if today {
            let zone = CtlClock.zone()
            let midnight = LocalDay.interval(of: LocalDay.date(of: CtlClock.now(), in: zone), in: zone).upperBound
            return .skip(reminder: id, .until(midnight))
        }
        if let until {
            do { return .skip(reminder: id, .until(try ArgumentText.time(until, now: CtlClock.now(), zone: CtlClock.zone()))) }
            catch { throw ValidationError(error.message) }
        }
        return .skip(reminder: id)
    }
}
