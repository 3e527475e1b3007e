import CrampCore
import CrampProtocol
import Dispatch
import Glibc
import Systemd

/// Runs `[[hook]]`s for events, on the daemon queue, never waiting for one: at most
/// `maxRunning` at once, `maxWaiting` more queued in order (one more is dropped and the
/// journal says so). Each is reaped from a Dispatch source on its pidfd, stopped at its
/// timeout (SIGTERM to its process group, SIGKILL `killGrace` later), and its output goes
/// to the journal line by line (stdout at info, stderr at warning, `CRAMPD_HOOK` = its index).
/// Without hooks running nothing here exists: no source, no timer, no wake-up.
final class HookRunner {
    static let maxRunning = 4
    static let maxWaiting = 32
    static let killGrace = DispatchTimeInterval.seconds(2)
    /// Of each stream, at most this much is logged per run (a chatty hook cannot flood the journal).
    static let maxLoggedBytes = 16 * 1024
    static let maxLineBytes = 1024

    struct Job {
        var hook: Hook
        var argv: [String]
        var environment: [String]
        var event: String
    }

    private let queue: DispatchQueue
    private let journal: JournalWriter
    private let baseEnvironment: [String: String]
    private var running: [pid_t: Run] = [:]
    private var waiting: [Job] = []

    init(queue: DispatchQueue, journal: JournalWriter, environment: [String: String]) {
        self.queue = queue; self.journal = journal
        // A hook is not the service: systemd's hand-over variables stay with the daemon.
        baseEnvironment = environment.filter { !["NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID"].contains($0.key) }
    }

    var runningCount: Int { running.count }

    /// Starts (or queues) every hook in `hooks` that names `event`'s kind.
    func run(_ hooks: [Hook], for event: WatchEvent, zone: Zone) {
        dispatchPrecondition(condition: .onQueue(queue))
        for hook in hooks where hook.on.contains(event.event) {
            let extra = HookCommand.environment(fields: event.fields, hook: hook.index)
            let environment = baseEnvironment.merging(extra) { $1 }.map { "\($0.key)=\($0.value)" }.sorted()
            let job = Job(hook: hook, argv: HookCommand.expand(hook.exec, fields: event.fields, zone: zone),
                          environment: environment, event: event.event)
            if running.count < Self.maxRunning {
                start(job)
            } else if waiting.count < Self.maxWaiting {
                waiting.append(job)
            } else {
                log(job, .warning, "Dropped hook \(job.hook.index) (\(job.argv[0])) for \(job.event): \(Self.maxRunning) hooks are running "
                    + "and \(Self.maxWaiting) waiting; make hooks quicker or give them a shorter timeout")
            }
        }
    }

    private func start(_ job: Job) {
        switch HookProcess.spawn(job.argv, environment: job.environment) {
        case .failure(let error):
            log(job, .warning, "Failed to run hook \(job.hook.index) (\(job.argv[0])) for \(job.event): \(error.text)")
            startNext()
        case .success(let process):
            let run = Run(job: job, process: process, queue: queue, journal: journal) { [unowned self] pid in
                running[pid] = nil
                startNext()
            }
            running[process.pid] = run
            run.start()
        }
    }

    private func startNext() {
        while running.count < Self.maxRunning, !waiting.isEmpty { start(waiting.removeFirst()) }
    }

    private func log(_ job: Job, _ priority: JournalPriority, _ message: String) {
        journal.write(JournalEntry(message: message, priority: priority, fields: Run.fields(job)))
    }

    /// One running hook: its exit, its timeout, its two output streams.
    final class Run {
        let job: Job
        let process: HookProcess
        private let queue: DispatchQueue
        private let journal: JournalWriter
        private let finished: (pid_t) -> Void
        private var exitSource: DispatchSourceRead?
        private var timer: DispatchSourceTimer?
        private var stoppedForTimeout = false

        init(job: Job, process: HookProcess, queue: DispatchQueue, journal: JournalWriter, finished: @escaping (pid_t) -> Void) {
            self.job = job; self.process = process; self.queue = queue; self.journal = journal; self.finished = finished
        }

        static func fields(_ job: Job) -> [(name: String, value: String)] {
            [("CRAMPD_HOOK", String(job.hook.index)), ("CRAMPD_HOOK_EVENT", job.event)]
        }

        var name: String { "hook \(job.hook.index) (\(job.argv[0]))" }

        func start() {
            // The sources hold this run until they are cancelled.
            let exit = DispatchSource.makeReadSource(fileDescriptor: process.pidFD, queue: queue)
            exit.setEventHandler { [self] in exited() }
            exit.setCancelHandler { [fd = process.pidFD] in close(fd) }
            exitSource = exit
            exit.activate()
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.setEventHandler { [self] in timedOut() }
            timer.schedule(deadline: .now() + .microseconds(Int(job.hook.timeout.microseconds)))
            self.timer = timer
            timer.activate()
            for (fd, stream, priority) in [(process.stdout, "stdout", JournalPriority.info), (process.stderr, "stderr", .warning)] {
                Output(fd: fd, stream: stream, priority: priority, run: self).start(queue: queue)
            }
        }

        private func timedOut() {
            if !stoppedForTimeout {
                stoppedForTimeout = true
                kill(-process.pid, SIGTERM)
                write(.warning, "Stopped \(name) for \(job.event): it ran past its timeout of \(DurationSyntax.format(job.hook.timeout)) (SIGTERM)")
                timer?.schedule(deadline: .now() + HookRunner.killGrace)
            } else {
                kill(-process.pid, SIGKILL)
                write(.warning, "Killed \(name) for \(job.event): still running \(HookRunner.killGrace) after SIGTERM (SIGKILL)")
                timer?.cancel()
            }
        }

        private func exited() {
            var status: Int32 = 0
            let reaped = waitpid(process.pid, &status, WNOHANG)
            guard reaped == process.pid else { return }  // not yet (a spurious wake-up)
            exitSource?.cancel()
            timer?.cancel()
            exitSource = nil
            timer = nil
            let code = (status >> 8) & 0xff, signal = status & 0x7f
            if signal != 0 {
                if !stoppedForTimeout { write(.warning, "Hook \(job.hook.index) (\(job.argv[0])) for \(job.event) was killed by signal \(signal)") }
            } else if code != 0 {
                write(.warning, "Hook \(job.hook.index) (\(job.argv[0])) for \(job.event) failed with exit status \(code)")
            } else {
                write(.debug, "Hook \(job.hook.index) (\(job.argv[0])) for \(job.event) finished")
            }
            finished(process.pid)
        }

        func write(_ priority: JournalPriority, _ message: String, extra: [(name: String, value: String)] = []) {
            journal.write(JournalEntry(message: message, priority: priority, fields: Self.fields(job) + [("CRAMPD_HOOK_PID", String(process.pid))] + extra))
        }
    }

    /// One output stream of a hook: each line becomes a journal entry, up to `maxLoggedBytes`.
    final class Output {
        let fd: Int32
        let stream: String
        let priority: JournalPriority
        /// Strong: a grandchild may keep the pipe open after the hook exited.
        private let run: Run
        private var source: DispatchSourceRead?
        private var partial: [UInt8] = []
        private var logged = 0
        private var dropped = 0

        init(fd: Int32, stream: String, priority: JournalPriority, run: Run) {
            self.fd = fd; self.stream = stream; self.priority = priority; self.run = run
        }

        func start(queue: DispatchQueue) {
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            // The handlers keep this output (and through it the run) until end of stream.
            source.setEventHandler { [self] in readAvailable() }
            source.setCancelHandler { [fd] in close(fd) }
            self.source = source
            source.activate()
        }

        private func readAvailable() {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
            guard n > 0 else { return finish() }
            for byte in chunk[..<n] {
                if byte == UInt8(ascii: "\n") { emit() } else if partial.count < HookRunner.maxLineBytes { partial.append(byte) }
            }
        }

        private func emit() {
            defer { partial.removeAll(keepingCapacity: true) }
            guard logged + partial.count <= HookRunner.maxLoggedBytes else { dropped += partial.count + 1; return }
            logged += partial.count + 1
            run.write(priority, "Hook \(run.job.hook.index) (\(run.job.argv[0])) \(stream): " + String(decoding: partial, as: UTF8.self),
                      extra: [("CRAMPD_HOOK_STREAM", stream)])
        }

        private func finish() {
            if !partial.isEmpty { emit() }
            if dropped > 0 {
                run.write(.warning, "Hook \(run.job.hook.index) (\(run.job.argv[0])) wrote \(dropped) more bytes to \(stream), not logged (at most \(HookRunner.maxLoggedBytes) per run)")
            }
            source?.cancel()
            source = nil
        }
    }
}
