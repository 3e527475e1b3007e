import Dispatch
import Glibc

/// Turns SIGHUP, SIGTERM and SIGINT into work items on the daemon queue.
///
/// The signals are ignored at the process level first so that only the
/// Dispatch sources see them (the async-signal-safe way to handle signals).
final class SignalWatcher {
    private var sources: [DispatchSourceSignal] = []

    init(queue: DispatchQueue, reload: @escaping () -> Void, stop: @escaping (Int32) -> Void) {
        for (number, action) in [(SIGHUP, { reload() }), (SIGTERM, { stop(SIGTERM) }), (SIGINT, { stop(SIGINT) })] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: action)
            source.activate()
            sources.append(source)
        }
        // A client that goes away mid-reply must not kill the daemon.
        signal(SIGPIPE, SIG_IGN)
    }

    func cancel() { sources.forEach { $0.cancel() } }
}
