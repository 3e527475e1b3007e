import Dispatch
import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Foundation
import Logging
import Testing

/// A clock the test moves by hand; the daemon reads it through `DaemonOptions.clock`.
final class TestClock: @unchecked Sendable {  // read on the daemon queue, moved by the test between requests
    private let lock = NSLock()
    private var current: Instant

    init(_ start: Instant) { current = start }

    var now: Instant { lock.withLock { current } }
    func set(_ instant: Instant) { lock.withLock { current = instant } }
    func advance(by span: TimeSpan) { lock.withLock { current = current + span } }
}

/// Journal entries the daemon wrote, kept instead of sent.
final class RecordedJournal: @unchecked Sendable {  // appended to on the daemon queue, read by the test after `sync`
    private let lock = NSLock()
    private var recorded: [JournalEntry] = []

    func append(_ entry: JournalEntry) { lock.withLock { recorded.append(entry) } }
    var entries: [JournalEntry] { lock.withLock { recorded } }

    /// The `CRAMPD_EVENT` and `CRAMPD_REMINDER` of each reminder event, in order.
    var events: [String] {
        entries.compactMap { entry in
            guard let event = entry.field("CRAMPD_EVENT"), let reminder = entry.field("CRAMPD_REMINDER") else { return nil }
            return "\(event) \(reminder)"
        }
    }
}

extension JournalEntry {
    func field(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }
}

/// A real `Daemon` in-process: its config, state and diary in a fresh directory, its
/// journal recorded, its clock the test's. No socket, timer, systemd or D-Bus: the test
/// sends requests as the control server would and moves the clock to where the timer would fire.
final class DaemonFixture: @unchecked Sendable {
    let directory: String
    let clock: TestClock
    let journal = RecordedJournal()
    let daemon: Daemon

    init(config: String, at start: Instant, environment extra: [String: String] = [:],
         zones: TZDatabase = .system, localtimePath: String = "/etc/localtime") throws {
        directory = makeTemporaryDirectory()
        let configPath = directory + "/config/crampd/config.toml"
        try FileSystem.makeDirectories(directory + "/config/crampd")
        try FileSystem.writeAtomically(configPath, Array(config.utf8), mode: 0o644)
        clock = TestClock(start)
        let environment = ["HOME": directory, "XDG_CONFIG_HOME": directory + "/config",
                           "XDG_STATE_HOME": directory + "/state", "XDG_RUNTIME_DIR": directory + "/run"].merging(extra) { $1 }
        let options = DaemonOptions(configPath: nil, environment: environment, clock: { [clock] in clock.now },
                                    zones: zones, localtimePath: localtimePath)
        let loaded = try ConfigFiles.load(explicitPath: nil, environment: environment).get()
        let writer = JournalWriter { [journal] entry in journal.append(entry) }
        let logger = Logger(label: "crampd-test") { _ in JournalLogHandler(writer: writer) }
        daemon = Daemon(options: options, journal: writer, logger: logger, loaded: loaded, now: start)
        daemon.queue.sync { daemon.advance() }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Sends one request as the control server would, on the daemon queue, and waits (bounded)
    /// for its answer: diary commands answer later, from the diary's queue.
    func send(_ command: Command) -> Response {
        let answered = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var response: Response?
        daemon.queue.async { [daemon] in
            daemon.handle(Request(id: 1, command: command), from: PeerCredentials(pid: getpid(), uid: getuid(), gid: getgid())) {
                response = $0
                answered.signal()
            }
        }
        guard answered.wait(timeout: .now() + .seconds(10)) == .success, let response else {
            return .error(ControlError(.internal, "no answer to \(command.name) within 10 s"))
        }
        return response
    }

    /// The result of a request that must succeed.
    func ok(_ command: Command, sourceLocation: SourceLocation = #_sourceLocation) throws -> ControlResult {
        switch send(command) {
        case .ok(let result): return result
        case .error(let error):
            Issue.record("\(command.name) failed: \(error.message)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// The error of a request that must fail.
    func failure(_ command: Command, sourceLocation: SourceLocation = #_sourceLocation) -> ControlError? {
        guard case .error(let error) = send(command) else {
            Issue.record("\(command.name) succeeded, expected an error", sourceLocation: sourceLocation)
            return nil
        }
        return error
    }

    /// Moves the clock to the daemon's next wake (where its timer is armed) and steps there, as the timer would.
    @discardableResult
    func wake() -> Instant? {
        daemon.queue.sync {
            guard let wake = daemon.plan.nextWake else { return nil }
            clock.set(wake)
            daemon.advance()
            return wake
        }
    }

    /// Moves the clock to `instant` and steps, as a late timer (or a resume from suspend) would.
    func step(at instant: Instant) {
        daemon.queue.sync {
            clock.set(instant)
            daemon.advance()
        }
    }

    var state: AgendaState { daemon.queue.sync { daemon.state } }
    var statePath: String { daemon.options.statePath }
}
