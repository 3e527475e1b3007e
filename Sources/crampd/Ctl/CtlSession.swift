import CrampCore
import CrampDaemon
import CrampProtocol
import Glibc

/// Sends one command to the daemon and prints the answer; the exit status says how it went:
/// 0 ok, 1 error from the daemon, 69 (EX_UNAVAILABLE) when it is not running.
enum CtlSession {
    static let unavailable: Int32 = 69

    static func perform(_ command: Command, _ flags: CtlFlags) -> Int32 {
        let path: String
        if let socket = flags.socket {
            path = socket
        } else {
            do throws(ControlSocketError) {
                path = try ControlSocket.defaultPath()
            } catch {
                printError(error.message + "\n" + hint)
                return unavailable
            }
        }
        let answer: ResponseMessage
        do throws(ControlClientError) {
            answer = try ControlClient(path: path).send(Request(id: 1, command: command))
        } catch {
            switch error {
            case .unavailable:
                printError(error.description + "\n" + hint)
                return unavailable
            case .failed(let message):
                printError(message)
                return 1
            }
        }
        switch answer.response {
        case .ok(let result):
            let bytes = flags.patternsOnly ? CtlPatterns.output(result, json: flags.json)
                : flags.json ? result.encodedJSON()
                : Array(ResultText.result(result, now: CtlClock.now(), zone: CtlClock.zone(),
                                          terminalWidth: flags.output == nil ? TerminalWidth.ofStandardOutput() : nil).utf8)
            guard let output = flags.output else { write(bytes); return 0 }
            do throws(FileSystemError) {
                try FileSystem.writeAtomically(output, bytes)
            } catch {
                printError(error.description)
                return 1
            }
            return 0
        case .error(let error):
            if flags.json { write(WireCoding.line(error)) }
            printError(ResultText.error(error), newline: false)
            return 1
        }
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
