import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Dispatch
import Glibc
import Synchronization
import Testing

/// Real processes: a hook gets its arguments and environment and its output reaches the
/// journal; one past its timeout is stopped; the daemon queue never waits for a hook.
struct HookRunnerTests {
    final class Recorder: Sendable {
        let entries = Mutex<[JournalEntry]>([])
        var messages: [String] { entries.withLock { $0.map(\.message) } }
        func waitFor(_ text: String, seconds: Double = 5) -> Bool {
            for _ in 0..<Int(seconds * 100) {
                if messages.contains(where: { $0.contains(text) }) { return true }
                usleep(10_000)
            }
            return false
        }
    }

    static let event = WatchEvent(fields: ["CRAMPD_EVENT": "due", "CRAMPD_REMINDER": "water", "MESSAGE": "Drink, now!",
                                           "CRAMPD_DUE_USEC": "1795615200000000"])

    static func runner(_ recorder: Recorder, queue: DispatchQueue) -> HookRunner {
        let journal = JournalWriter(sink: { entry in recorder.entries.withLock { $0.append(entry) } })
        return HookRunner(queue: queue, journal: journal, environment: ["PATH": "/usr/bin:/bin", "NOTIFY_SOCKET": "/run/x"])
    }

    @Test func argumentsEnvironmentAndOutputReachTheJournal() {
        let recorder = Recorder(), queue = DispatchQueue(label: "test.hooks")
        let runner = Self.runner(recorder, queue: queue)
        let hook = Hook(index: 3, on: ["due"], exec: ["sh", "-c", "echo \"[$1] $CRAMPD_REMINDER $CRAMPD_HOOK ${NOTIFY_SOCKET:-none}\"; echo bad >&2; exit 4", "sh", "{message} at {due}"])
        queue.sync { runner.run([hook, Hook(index: 4, on: ["missed"], exec: ["false"])], for: Self.event, zone: .utc) }
        #expect(recorder.waitFor("failed with exit status 4"))
        #expect(recorder.waitFor("stdout: [Drink, now! at 14:00] water 3 none"))
        #expect(recorder.waitFor("stderr: bad"))
        let stderrEntry = recorder.entries.withLock { $0.first { $0.message.contains("stderr: bad") } }
        #expect(stderrEntry?.priority == .warning)
        #expect(stderrEntry?.fields.contains { $0.name == "CRAMPD_HOOK" && $0.value == "3" } == true)
        #expect(stderrEntry?.event == nil, "a hook's own entries are no events, or hooks would run hooks")
        #expect(!recorder.messages.contains { $0.contains("hook 4") || $0.contains("Hook 4") }, "hook 4 is for missed only")
    }

    @Test func aHookPastItsTimeoutIsStoppedAndTheQueueNeverWaits() {
        let recorder = Recorder(), queue = DispatchQueue(label: "test.hooks")
        let runner = Self.runner(recorder, queue: queue)
        let hook = Hook(index: 1, on: ["due"], exec: ["sleep", "30"], timeout: .seconds(1))
        let started = monotonicMilliseconds()
        // The daemon ignores SIGTERM (its Dispatch source handles it); a hook must not inherit that.
        let previous = signal(SIGTERM, SIG_IGN)
        queue.sync { runner.run([hook], for: Self.event, zone: .utc) }
        signal(SIGTERM, previous)
        #expect(monotonicMilliseconds() - started < 500)
        #expect(recorder.waitFor("ran past its timeout of 1s"))
        for _ in 0..<300 where queue.sync(execute: { runner.runningCount }) > 0 { usleep(10_000) }
        #expect(queue.sync { runner.runningCount } == 0)
        #expect(!recorder.messages.contains { $0.contains("(SIGKILL)") }, "SIGTERM alone stops sleep")
        #expect(monotonicMilliseconds() - started < 2800)
    }

    @Test func aHookThatIgnoresSIGTERMIsKilled() {
        let recorder = Recorder(), queue = DispatchQueue(label: "test.hooks")
        let runner = Self.runner(recorder, queue: queue)
        let hook = Hook(index: 1, on: ["due"], exec: ["sh", "-c", "trap '' TERM; while :; do sleep 0.1; done"], timeout: .seconds(1))
        queue.sync { runner.run([hook], for: Self.event, zone: .utc) }
        #expect(recorder.waitFor("(SIGKILL)", seconds: 6))
        for _ in 0..<300 where queue.sync(execute: { runner.runningCount }) > 0 { usleep(10_000) }
        #expect(queue.sync { runner.runningCount } == 0)
    }

    @Test func atMostAFewRunAndTheRestWaitOrAreDropped() {
        let recorder = Recorder(), queue = DispatchQueue(label: "test.hooks")
        let runner = Self.runner(recorder, queue: queue)
        let hook = Hook(index: 1, on: ["due"], exec: ["sleep", "0.3"])
        let total = HookRunner.maxRunning + HookRunner.maxWaiting + 2
        queue.sync { for _ in 0..<total { runner.run([hook], for: Self.event, zone: .utc) } }
        #expect(queue.sync { runner.runningCount } == HookRunner.maxRunning)
        #expect(recorder.messages.filter { $0.hasPrefix("Dropped hook 1 (sleep) for due") }.count == 2)
        for _ in 0..<1000 where queue.sync(execute: { runner.runningCount }) > 0 { usleep(10_000) }
        #expect(queue.sync { runner.runningCount } == 0)
        #expect(recorder.entries.withLock { $0.filter { $0.message.hasSuffix("for due finished") }.count } == total - 2)
    }

    @Test func aMissingProgramIsReported() {
        let recorder = Recorder(), queue = DispatchQueue(label: "test.hooks")
        let runner = Self.runner(recorder, queue: queue)
        queue.sync { runner.run([Hook(index: 1, on: ["due"], exec: ["crampd-no-such-program"])], for: Self.event, zone: .utc) }
        #expect(recorder.waitFor("Failed to run hook 1 (crampd-no-such-program) for due: No such file or directory"))
        #expect(queue.sync { runner.runningCount } == 0)
    }
}
