import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Glibc
import Testing

/// The real `crampd ctl` binary against a real `ControlServer` with a recording handler:
/// what it sends, what it prints, and its exit status.
extension ControlServerTests {
    /// The `crampd` executable next to the test bundle (swift build puts products together).
    static let crampdBinary: String? = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let exe = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var directory = exe.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        // xctest bundles are directories on some setups: walk up until a `crampd` is found.
        while !directory.isEmpty {
            let candidate = directory.joined(separator: "/") + "/crampd"
            if access(candidate, X_OK) == 0 { return candidate }
            directory = directory.dropLast()
        }
        return nil
    }()

    func ctl(_ arguments: [String], socket: String?) throws -> (status: Int32, output: String, errors: String) {
        let binary = try #require(Self.crampdBinary, "crampd binary not built")
        let errPath = "/tmp/crampd-ctl-stderr-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(errPath) }
        let shellArgs = ([binary, "ctl"] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        let socketEnv = socket.map { "CRAMPD_SOCKET='\($0)' " } ?? ""
        let (status, output) = try run(["/bin/sh", "-c", "\(socketEnv)exec \(shellArgs) 2>\(errPath)"])
        return (status, String(decoding: output, as: UTF8.self), readText(errPath))
    }

    @Test(.enabled(if: crampdBinary != nil)) func ctlSendsTheCommandAndPrintsTheSummary() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let result = try ctl(["snooze", "water", "15m"], socket: fixture.path)
        #expect(result.status == 0)
        #expect(result.output == "did snooze\n")
        #expect(result.errors == "")
        #expect(fixture.received.map(\.request.command) == [.snooze(reminder: "water", duration: .minutes(15))])
    }

    @Test(.enabled(if: crampdBinary != nil)) func ctlJSONPrintsTheBareResult() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        fixture.queue.sync {
            fixture.handler.answer = { _ in
                .ok(.reminders(ReminderList(reminders: [ReminderRow(id: "stretch", kind: "stretch", enabled: false, schedule: "at 21:30")])))
            }
        }
        let json = try ctl(["list", "--json"], socket: fixture.path)
        #expect(json.status == 0)
        #expect(json.output == #"{"reminders":[{"enabled":false,"id":"stretch","kind":"stretch","schedule":"at 21:30","skipping":false}]}"# + "\n")
        let human = try ctl(["list"], socket: fixture.path)
        #expect(human.output == """
            NEXT  LEFT  LAST  REMINDER  SCHEDULE
            -     -     -     stretch   at 21:30 (disabled)

            1 reminder listed.

            """)
    }

    @Test(.enabled(if: crampdBinary != nil)) func ctlDaemonErrorExitsOne() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let result = try ctl(["show", "missing"], socket: fixture.path)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.errors == "no reminder \"missing\"\n")
        let json = try ctl(["show", "missing", "--json"], socket: fixture.path)
        #expect(json.status == 1)
        #expect(json.output == #"{"code":"not-found","message":"no reminder \"missing\""}"# + "\n")
    }

    @Test(.enabled(if: crampdBinary != nil)) func ctlWithoutADaemonExits69WithTheHint() throws {
        let directory = makeTemporaryDirectory()
        defer { rmdir(directory) }
        let path = directory + "/ctl.sock"
        let result = try ctl(["status"], socket: path)
        #expect(result.status == 69)
        #expect(result.output == "")
        #expect(result.errors == """
            Failed to connect to crampd at \(path): No such file or directory
              is crampd running? try: systemctl --user start crampd

            """)
    }

    /// notify-test ends with a verdict, and fails when the sample was not shown.
    @Test(.enabled(if: crampdBinary != nil)) func notifyTestEndsWithAVerdict() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        fixture.queue.sync {
            fixture.handler.answer = { _ in .ok(.action(ActionResult(summary: "Desktop notifications do not work: no bus",
                                                                     changes: ["4. Sample notification: none sent"]))) }
        }
        let failed = try ctl(["notify-test"], socket: fixture.path)
        #expect(failed.status == 1)
        #expect(failed.output.hasSuffix("Verdict: FAILED, the sample notification was not shown; see the steps above.\n"))
        fixture.queue.sync {
            fixture.handler.answer = { _ in .ok(.action(ActionResult(summary: "Desktop notifications work",
                                                                     changes: [DesktopDiagnosis.sampleShownStep + "id 7"]))) }
        }
        let shown = try ctl(["notify-test"], socket: fixture.path)
        #expect(shown.status == 0)
        #expect(shown.output.hasSuffix("Verdict: OK, the server showed the sample (id 7).\n"))
    }

    /// `--json` errors are JSON whoever finds them: the daemon, the client, or the command line.
    @Test(.enabled(if: crampdBinary != nil)) func ctlJSONErrorsAreJSONInEveryCase() throws {
        let directory = makeTemporaryDirectory()
        defer { rmdir(directory) }
        let path = directory + "/ctl.sock"
        let result = try ctl(["status", "--json"], socket: path)
        #expect(result.status == 69)
        #expect(result.output == #"{"code":"unavailable","details":["is crampd running? try: systemctl --user start crampd"],"#
                + #""message":"Failed to connect to crampd at \#(path): No such file or directory"}"# + "\n")
        let slow = try ctl(["list", "--json", "-n", "3"], socket: path)  // argument-parser's path
        #expect(slow.status == 2)
        #expect(slow.output.hasPrefix(#"{"code":"usage","message":"#))
        #expect(slow.output.hasSuffix("}\n") && slow.output.split(separator: "\n").count == 1)
        let invalid = try ctl(["snooze", "water", "10", "--json"], socket: path)
        #expect(invalid.status == 2)
        #expect(invalid.output.contains(#"expected a duration like"#))
    }

    /// Arguments refused by `validate()` exit like any usage error (the status the root
    /// command gives an unknown option: 2 from `Crampd.main`, 64 from plain argument-parser),
    /// and never reach the daemon.
    @Test(.enabled(if: crampdBinary != nil)) func ctlUsageErrorsNeverReachTheDaemon() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let usage = try ctl(["status", "--no-such-option"], socket: fixture.path).status
        #expect(![0, 1, 69].contains(usage))
        let result = try ctl(["snooze", "water", "10"], socket: fixture.path)
        #expect(result.status == usage)
        #expect(result.errors.hasPrefix("Error: expected a duration like \"10m\", \"90s\" or \"1h30m\", got \"10\"\n"))
        #expect(try ctl(["set", "water", "every"], socket: fixture.path).status == usage)
        #expect(try ctl(["show", "wa ter"], socket: fixture.path).status == usage)
        #expect(try ctl(["next", "-n", "0"], socket: fixture.path).status == usage)
        #expect(try ctl(["pause", "1h", "--until", "18:00"], socket: fixture.path).status == usage)
        #expect(fixture.received.isEmpty)
    }

    @Test(.enabled(if: crampdBinary != nil)) func ctlSocketOptionBeatsTheEnvironment() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let result = try ctl(["resume", "--socket", fixture.path], socket: "/nonexistent/ctl.sock")
        #expect(result.status == 0)
        #expect(fixture.received.map(\.request.command) == [.resume])
    }
}

func readText(_ path: String) -> String {
    guard let file = fopen(path, "r") else { return "" }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n <= 0 { break }
        bytes += chunk[..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}
