import CrampCore
import CrampDaemon
import CrampProtocol
import Glibc

/// Sends one command to the daemon and prints the answer; the exit status says how it went:
/// 0 ok, 1 error from the daemon, 69 (EX_UNAVAILABLE) when it is not running.
enum CtlSession {
    static let unavailable: Int32 = 69

    /// The answer's verdict, for commands whose success is more than the daemon answering
    /// (`notify-test`): a line printed after the result (not with --json) and the exit status.
    typealias Verdict = (ControlResult) -> (line: String, status: Int32)

    static func perform(_ command: Command, _ flags: CtlFlags, verdict: Verdict? = nil) -> Int32 {
        let path: String
        if let socket = flags.socket {
            path = socket
        } else {
            do throws(ControlSocketError) {
                path = try ControlSocket.defaultPath()
            } catch {
                return fail(ControlError(.unavailable, error.message, details: [hint]), flags, status: unavailable)
            }
        }
        let answer: ResponseMessage
        do throws(ControlClientError) {
            answer = try ControlClient(path: path).send(Request(id: 1, command: command))
        } catch {
            switch error {
            case .unavailable:
                return fail(ControlError(.unavailable, error.description, details: [hint]), flags, status: unavailable)
            case .failed(let message):
                return fail(ControlError(.connectionFailed, message), flags, status: 1)
            }
        }
        switch answer.response {
        case .ok(let result):
            if flags.json {
                write(result.encodedJSON())
            } else {
                write(Array(ResultText.result(result, now: CtlClock.now(), zone: CtlClock.zone(),
                                              terminalWidth: TerminalWidth.ofStandardOutput(),
                                              glyphs: TerminalCharset.glyphs(environment: localeEnvironment())).utf8))
            }
            guard let judged = verdict?(result) else { return 0 }
            if !flags.json { write(Array((judged.line + "\n").utf8)) }
            return judged.status
        case .error(let error):
            return fail(error, flags, status: 1)
        }
    }

    /// Every failure the same way: the message on stderr, and with --json also the error
    /// (code and message) as one JSON line on stdout, whoever found it (daemon or client).
    static func fail(_ error: ControlError, _ flags: CtlFlags, status: Int32) -> Int32 {
        if flags.json { write(WireCoding.line(error)) }
        printError(ResultText.error(error), newline: false)
        return status
    }

    /// The locale variables TerminalCharset reads.
    static func localeEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] { if let value = getenv(name) { environment[name] = String(cString: value) } }
        return environment
    }

    static let hint = "is crampd running? try: systemctl --user start crampd"

    static func write(_ bytes: [UInt8], to fd: Int32 = STDOUT_FILENO) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }  // a closed pipe: nobody reads what is left
            offset += n
        }
    }

    static func printError(_ text: String, newline: Bool = true) {
        write(Array((text + (newline ? "\n" : "")).utf8), to: STDERR_FILENO)
    }
}
