import ArgumentParser
import CrampCore
import CrampDaemon
import CrampProtocol
import Glibc

extension BarText.Format: ExpressibleByArgument {}

struct CtlBar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bar",
        abstract: "Print a status line for a status bar now, and a new one at each change.",
        discussion: """
            The line shows the next reminder and the time left (or the pause, or why reminders are
            held: away, locked, asleep, dnd) and today's water against the goal. It rides on
            `crampd ctl watch`: a new line comes when an event changes something, and once a
            minute while a time left counts down (a timer in this process; crampd itself does not
            wake up for the bar). A line is printed only when it differs from the last.

            When crampd stops or restarts, the bar says "crampd stopped" and connects again after
            1, 2, 4 … 30 seconds. With crampd.socket active, connecting starts crampd again (socket
            activation): to keep crampd stopped, stop crampd.socket too.

            Formats: waybar (one JSON object per line: text, tooltip, class, percentage; use
            "return-type": "json"), i3blocks (one line of text per update; use interval=persist),
            plain (the text).

            Examples:
              crampd ctl bar --format waybar
              crampd ctl bar --format i3blocks
            """)

    @OptionGroup var options: CtlOptions

    @Option(help: ArgumentHelp("waybar, i3blocks or plain.", valueName: "format"))
    var format: BarText.Format = .plain

    func run() throws {
        var bar = Bar(format: format, flags: options.flags)
        var retrySeconds: UInt32 = 1
        while true {
            switch CtlStream.open(.watch, options.flags, quiet: true) {
            case .stream(let stream):
                retrySeconds = 1
                bar.follow(stream)
            case .failure:
                break
            }
            bar.show(BarText.stopped)
            sleep(retrySeconds)
            retrySeconds = min(retrySeconds * 2, 30)
        }
    }

    /// The bar between connections: the last line printed, and the last answers it came from.
    struct Bar {
        let format: BarText.Format
        let flags: CtlFlags
        var lastLine: String?

        init(format: BarText.Format, flags: CtlFlags) { self.format = format; self.flags = flags }

        mutating func show(_ state: BarText.State) {
            let line = BarText.line(state, format: format)
            guard line != lastLine else { return }
            lastLine = line
            CtlSession.write(Array(line.utf8))
        }

        /// Shows the state now and after every event or minute tick, until the stream ends.
        mutating func follow(_ stream: ControlStream) {
            guard var (status, today) = ask() else { return }
            while true {
                let now = CtlClock.now()
                show(BarText.state(status: status, today: today, now: now, zone: CtlClock.zone(for: .status(status))))
                let wait = BarText.nextTick(status: status, now: now).map { Int($0.microseconds / 1000) + 50 }
                switch CtlStream.next(stream, within: wait, flags, quiet: true) {
                case .quiet:
                    continue  // the minute counter: same answers, a later now
                case .message:
                    guard let fresh = ask() else { return }
                    (status, today) = fresh
                case .ended:
                    return
                }
            }
        }

        /// The daemon's status and today's intake (nil when the diary is unavailable); nil when
        /// the daemon does not answer.
        func ask() -> (StatusResult, TodaySummary?)? {
            guard case .success(let path) = CtlSession.socketPath(flags),
                  let answer = try? ControlClient(path: path).send(Request(id: 1, command: .status)),
                  case .ok(.status(let status)) = answer.response else { return nil }
            var today: TodaySummary?
            if let answer = try? ControlClient(path: path).send(Request(id: 2, command: .today())),
               case .ok(.today(let summary)) = answer.response { today = summary }
            return (status, today)
        }
    }
}
