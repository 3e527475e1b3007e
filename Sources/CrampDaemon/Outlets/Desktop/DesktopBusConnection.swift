import Dispatch
import Systemd

/// One sd-bus connection served on the daemon queue: a read source on its descriptor, a write
/// source only while sd-bus has output it could not write, and a timer only while sd-bus has a
/// deadline (a call waiting for its reply). Idle, it costs no wake-ups.
///
/// Nothing here blocks: sd-bus's socket is non-blocking and `process()` only does what is ready.
final class DesktopBusConnection {
    let bus: Bus
    private let queue: DispatchQueue
    private let fileDescriptor: Int32
    private let readSource: DispatchSourceRead
    private var writeSource: DispatchSourceWrite?
    private let deadline: DispatchSourceTimer
    private var processing = false
    private(set) var isClosed = false
    /// Runs once when the connection closes or fails, with the error when one caused it.
    var onClose: ((SystemdError?) -> Void)?

    init(bus: Bus, queue: DispatchQueue) throws(SystemdError) {
        self.bus = bus
        self.queue = queue
        fileDescriptor = try bus.fileDescriptor()
        readSource = DispatchSource.makeReadSource(fileDescriptor: fileDescriptor, queue: queue)
        deadline = DispatchSource.makeTimerSource(queue: queue)
        // The cancel handlers hold the bus: its descriptor closes only after Dispatch stops watching it.
        readSource.setCancelHandler { [bus] in withExtendedLifetime(bus) {} }
        readSource.setEventHandler { [weak self] in self?.pump() }
        deadline.setEventHandler { [weak self] in self?.pump() }
        deadline.schedule(deadline: .distantFuture)
        readSource.activate()
        deadline.activate()
    }

    /// Lets sd-bus do everything that is ready, then waits for what it asks for next.
    /// Call it after every call sent; callbacks run from inside it.
    func pump() {
        dispatchPrecondition(condition: .onQueue(queue))
        // A callback that sends a call lands here again: the outer loop re-reads events and timeout.
        guard !isClosed, !processing else { return }
        processing = true
        defer { processing = false }
        do {
            while try bus.process() {}
            guard bus.isOpen else { return close(because: nil) }
            watchWritable(try bus.events().contains(.writable))
            arm(try bus.timeoutMonotonicMicroseconds())
        } catch {
            close(because: error)
        }
    }

    /// Stops watching and lets the bus go; pending callbacks are dropped unrun.
    func close(because error: SystemdError? = nil) {
        guard !isClosed else { return }
        isClosed = true
        readSource.cancel()
        writeSource?.cancel()
        writeSource = nil
        deadline.cancel()
        let onClose = onClose
        self.onClose = nil
        onClose?(error)
    }

    private func watchWritable(_ wanted: Bool) {
        if wanted, writeSource == nil {
            let source = DispatchSource.makeWriteSource(fileDescriptor: fileDescriptor, queue: queue)
            source.setCancelHandler { [bus] in withExtendedLifetime(bus) {} }
            source.setEventHandler { [weak self] in self?.pump() }
            source.activate()
            writeSource = source
        } else if !wanted, let source = writeSource {
            source.cancel()
            writeSource = nil
        }
    }

    /// sd-bus deadlines are absolute CLOCK_MONOTONIC microseconds; the timer gets what is left of
    /// it, so it does not matter which clock Dispatch counts in.
    private func arm(_ monotonicMicroseconds: UInt64?) {
        guard let monotonicMicroseconds else {
            deadline.schedule(deadline: .distantFuture)
            return
        }
        let now = ServiceManager.monotonicNowMicroseconds()
        let delay = monotonicMicroseconds > now ? monotonicMicroseconds - now : 0
        deadline.schedule(deadline: .now() + .microseconds(Int(min(delay, UInt64(Int32.max)))), leeway: .milliseconds(1))
    }
}
