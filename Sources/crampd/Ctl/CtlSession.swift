import CrampCore
import CrampDaemon
import CrampProtocol
import Glibc
import POSIX

/// Sends one command to the daemon and prints the answer; the exit status says how it went:
/// 0 ok, 1 error from the daemon, 69 (EX_UNAVAILABLE) when it is not running.
enum CtlSession {
    static let unavailable: Int32 = 69

    /// The answer's verdict, for commands whose success is more than the daemon answering
    /// (`notify-test`): a line printed after the result (not with --json) and the exit status.
    typealias Verdict = (ControlResult) -> (line: String, status: Int32)

    /// `preceding` commands go first, one request each, their answers unprinted; the first error stops
    /// there (`import` sends a file in bounded parts, the last one commits).
    /// `answerWithinMilliseconds` is how long the last command may take (an import's commit grows with its size).
    static func perform(_ command: Command, _ flags: CtlFlags, preceding: [Command] = [], answerWithinMilliseconds: Int = 5000,
                        verdict: Verdict? = nil) -> Int32 {
        let path: String
        switch socketPath(flags) {
        case .success(let p): path = p
        case .failure(let error): return fail(error, flags, status: unavailable)
        }
        var answer: ResponseMessage
        do throws(ControlClientError) {
            var id = 0
            repeat {
                id += 1
                let isLast = id > preceding.count
                answer = try ControlClient(path: path, timeoutMilliseconds: isLast ? answerWithinMilliseconds : 5000)
                    .send(Request(id: id, command: isLast ? command : preceding[id - 1]))
                if case .error = answer.response { break }
            } while id <= preceding.count
        } catch {
            switch error {
            case .unavailable:
                return fail(ControlError(.unavailable, error.description, details: [hint]), flags, status: unavailable)
            case .failed(let message):
                // An answer this ctl cannot read may come from an older or newer daemon.
                let status = fail(ControlError(.connectionFailed, message), flags, status: 1)
                printVersionSkew(askingAt: path)
                return status
            }
        }
        switch answer.response {
        case .ok(let result):
            let bytes = flags.patternsOnly ? CtlPatterns.output(result, json: flags.json)
                : flags.json ? result.encodedJSON()
                : Array(ResultText.result(result, now: CtlClock.now(), zone: CtlClock.zone(for: result), zones: .system,
                                          terminalWidth: flags.output == nil ? TerminalWidth.ofStandardOutput() : nil,
                                          glyphs: TerminalCharset.glyphs(environment: ProcessEnvironment.current)).utf8)
            if let output = flags.output {
                do throws(FileSystemError) { try FileSystem.writeAtomically(output, bytes) } catch {
                    printError(error.description)
                    return 1
                }
            } else {
                write(bytes)
            }
            // After a package upgrade the running daemon stays the old binary until restarted.
            if !flags.json, case .status(let status) = result,
               let notice = VersionSkewText.notice(running: status.version, ctl: CrampdBuild.version) {
                printError("Note: " + notice)
            }
            guard let judged = verdict?(result) else { return 0 }
            if !flags.json { write(Array((judged.line + "\n").utf8)) }
            return judged.status
        case .error(let error):
            let status = fail(error, flags, status: 1)
            if VersionSkewText.mayComeFromAnOlderDaemon(error.code) { printVersionSkew(askingAt: path) }
            return status
        }
    }

    /// `--socket`, else where the daemon listens by the environment.
    static func socketPath(_ flags: CtlFlags) -> Result<String, ControlError> {
        if let socket = flags.socket { return .success(socket) }
        do throws(ControlSocketError) {
            return .success(try ControlSocket.clientPath(environment: ProcessEnvironment.current))
        } catch {
            return .failure(ControlError(.unavailable, error.message, details: [hint]))
        }
    }

    /// Asks the daemon its version and, when it is another release than this ctl, says so and
    /// what to do. Silent when the daemon answers nothing readable: the error is already printed.
    static func printVersionSkew(askingAt path: String) {
        guard let answer = try? ControlClient(path: path).send(Request(id: 2, command: .status)),
              case .ok(.status(let status)) = answer.response,
              let notice = VersionSkewText.notice(running: status.version, ctl: CrampdBuild.version) else { return }
        printError(notice)
    }

    /// Every failure the same way: the message on stderr, and with --json also the error
    /// (code and message) as one JSON line on stdout, whoever found it (daemon or client).
    static func fail(_ error: ControlError, _ flags: CtlFlags, status: Int32) -> Int32 {
        if flags.json { write(WireCoding.line(error)) }
        printError(ResultText.error(error), newline: false)
        return status
    }

    static let hint = "is crampd running? try: systemctl --user start crampd"

    /// A closed pipe ends it: nobody reads what is left.
    static func write(_ bytes: [UInt8], to fd: Int32 = STDOUT_FILENO) {
        _ = writeAll(fd, bytes)
    }

    static func printError(_ text: String, newline: Bool = true) {
        write(Array((text + (newline ? "\n" : "")).utf8), to: STDERR_FILENO)
    }
}
