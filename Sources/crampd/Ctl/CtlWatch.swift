import ArgumentParser
import CrampDaemon
import CrampProtocol

struct CtlWatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print crampd's events as they happen, until interrupted.",
        discussion: """
            One line per event: due, catch-up, repeat, done, snoozed, skipped, missed, held,
            back, paused, resumed, reloaded, reload-failed, zone-changed, drink, dose, cramp,
            goal-met. With --json, one JSON object per line with the fields of the event's
            journal entry (MESSAGE, PRIORITY, MESSAGE_ID, CRAMPD_EVENT, CRAMPD_REMINDER, …, and
            __REALTIME_TIMESTAMP), as `journalctl -o json` shows them.

            A reader that falls far behind is dropped: a last line says so ("overrun") and the
            exit status is 1, as when crampd stops; the events in between are in the journal.

            Examples:
              crampd ctl watch
              crampd ctl watch --json | jq -r 'select(.CRAMPD_EVENT == "due") | .MESSAGE'
            """)

    @OptionGroup var options: CtlOptions

    func run() throws {
        let flags = options.flags
        let stream: ControlStream
        switch CtlStream.open(Command.watch, flags) {
        case .stream(let s): stream = s
        case .failure(let status): throw ExitCode(status)
        }
        if !flags.json { CtlSession.printError("Watching crampd's events as they happen; stop with Ctrl-C.") }
        let zone = CtlClock.zone()
        while true {
            switch CtlStream.next(stream, within: nil, flags) {
            case .message(.ok(.event(let event))):
                CtlSession.write(flags.json ? WireCoding.line(event) : Array(ResultText.watchLine(event, zone: zone).utf8))
            case .message: continue  // a result kind a newer daemon added: not an event
            case .quiet: continue
            case .ended(let status): throw ExitCode(status)
            }
        }
    }
}

/// The client end of a streaming command (`watch`, `bar`): opened, read message by message,
/// with every failure printed the way CtlSession prints them.
enum CtlStream {
    enum Opened {
        case stream(ControlStream)
        case failure(Int32)
    }

    enum Read {
        case message(Response)
        /// Nothing within the wait.
        case quiet
        /// The stream is over (printed): the daemon stopped, dropped us (`overrun`) or failed.
        case ended(Int32)
    }

    /// Connects, asks, and returns the stream once the daemon said yes; else the exit status
    /// (69 when crampd is not running), the error printed.
    static func open(_ command: Command, _ flags: CtlFlags, quiet: Bool = false) -> Opened {
        let path: String
        switch CtlSession.socketPath(flags) {
        case .success(let p): path = p
        case .failure(let error): return .failure(quiet ? CtlSession.unavailable : CtlSession.fail(error, flags, status: CtlSession.unavailable))
        }
        let stream: ControlStream
        do throws(ControlClientError) {
            stream = try ControlStream(client: ControlClient(path: path), request: Request(id: 1, command: command))
        } catch {
            if quiet { return .failure(CtlSession.unavailable) }
            switch error {
            case .unavailable: return .failure(CtlSession.fail(ControlError(.unavailable, error.description, details: [CtlSession.hint]), flags, status: CtlSession.unavailable))
            case .failed(let message): return .failure(CtlSession.fail(ControlError(.connectionFailed, message), flags, status: 1))
            }
        }
        if case .error(let error) = stream.first.response {
            if !quiet, VersionSkewText.mayComeFromAnOlderDaemon(error.code) { CtlSession.printVersionSkew(askingAt: path) }
            return .failure(quiet ? Int32(1) : CtlSession.fail(error, flags, status: 1))
        }
        return .stream(stream)
    }

    static func next(_ stream: ControlStream, within milliseconds: Int?, _ flags: CtlFlags, quiet: Bool = false) -> Read {
        do throws(ControlClientError) {
            guard let message = try stream.next(within: milliseconds) else { return .quiet }
            if case .error(let error) = message.response {
                return .ended(quiet ? Int32(1) : CtlSession.fail(error, flags, status: 1))
            }
            return .message(message.response)
        } catch {
            return .ended(quiet ? Int32(1) : CtlSession.fail(ControlError(.connectionFailed, error.description), flags, status: 1))
        }
    }
}
