import ArgumentParser
import CrampDaemon
import CrampProtocol
import Glibc

struct CtlNotifyTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify-test",
        abstract: "Send a sample desktop notification and report what the daemon finds, step by step.",
        discussion: """
            The daemon checks, as it sees them from its service: 1. the session bus, 2. the \
            notification server (name, version, vendor, spec version), 3. its capabilities (without \
            "actions" there are no Done and Snooze buttons), 4. the sample notification and the id \
            the server gave it. Waits at most 6 s for the server's answer, then ends with a \
            verdict; the exit status is 1 when the sample was not shown.

            Examples:
              crampd ctl notify-test
              crampd ctl notify-test --json | jq .changes
            """)

    @OptionGroup var options: CtlOptions

    func run() throws {
        waitForSample()
        // The final state, printed (and failing) like every other ctl command.
        let status = CtlSession.perform(.notifyTest(sample: false), options.flags, verdict: Self.verdict)
        if status != 0 { throw ExitCode(status) }
    }

    /// Shown or not, in one line; exit status 1 when the sample did not reach the screen.
    static func verdict(_ result: ControlResult) -> (line: String, status: Int32) {
        guard case .action(let action) = result,
              let shown = action.changes.first(where: { $0.hasPrefix(DesktopDiagnosis.sampleShownStep) }) else {
            return ("Verdict: FAILED, the sample notification was not shown; see the steps above.", 1)
        }
        return ("Verdict: OK, the server showed the sample (\(shown.dropFirst(DesktopDiagnosis.sampleShownStep.count))).", 0)
    }

    /// Sends the sample, then asks again without sending until the server has answered; any
    /// failure here is reported by the final request.
    private func waitForSample() {
        guard let path = options.socket ?? (try? ControlSocket.clientPath(environment: ProcessEnvironment.current)) else { return }
        let client = ControlClient(path: path)
        var sample = true
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        deadline.tv_sec += 6
        while true {
            guard let answer = try? client.send(Request(id: 1, command: .notifyTest(sample: sample))),
                  case .ok(.action(let result)) = answer.response,
                  result.summary == DesktopDiagnosis.waitingSummary else { return }
            sample = false
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            if now.tv_sec > deadline.tv_sec || (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec) { return }
            usleep(100_000)
        }
    }
}
