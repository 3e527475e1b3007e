import CrampProtocol
import Dispatch
import Glibc

/// A connection that asked to `watch`: after the answer it carries one `event` line per
/// event until the peer leaves. A slow reader never slows the daemon: at most
/// `watchBufferBytes` wait for it here (and a small socket buffer in the kernel); past that
/// it is dropped with a last `overrun` line, and closed once that is read or the idle
/// timeout passes, whichever comes first.
extension ControlConnection {
    var isWatching: Bool { watchID != nil && !overran }

    /// Called with the `ok` answer to `watch`, before it is sent.
    func startWatching(id: Int) {
        watchID = id
        closeAfterAnswer = false
        idleSince = nil
        // No request is awaited any more; nobody's events wait on a timer.
        idleTimer.schedule(deadline: .distantFuture)
        // The kernel holds little for a watcher, so falling behind shows here, where it is bounded.
        var bytes = Int32(limits.watchSocketBufferBytes)
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Queues one event line and writes what the socket takes. A watcher that has more than
    /// `watchBufferBytes` waiting gets the `overrun` line instead and is dropped.
    func push(_ event: WatchEvent) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let id = watchID, !overran else { return }
        let line = ResponseMessage(id: id, response: .ok(.event(event))).encodedLine()
        if outbox.count - outboxStart + line.count > limits.watchBufferBytes {
            overran = true
            // What it has not begun to read is dropped: only the line being written and the
            // last one stay, so the reader learns why whenever it reads again.
            outbox.removeSubrange(Self.unstartedLines(outbox, from: outboxStart)...)
            outbox.append(contentsOf: ResponseMessage(id: id, response: .error(Self.overrun(limits))).encodedLine())
            // Closed once that is read; a reader that never reads again gives its slot to the
            // next client that needs one, or goes after the grace period.
            idleSince = DispatchTime.now().uptimeNanoseconds
            idleTimer.schedule(deadline: .now() + limits.overrunGrace)
        } else {
            outbox.append(contentsOf: line)
        }
        flush()
        if !outboxIsEmpty { watchWritable() }
    }

    /// Where the lines not begun start: after the partly written one, if any.
    static func unstartedLines(_ outbox: [UInt8], from start: Int) -> Int {
        guard start > 0, start < outbox.count, outbox[start - 1] != UInt8(ascii: "\n") else { return start }
        return (outbox[start...].firstIndex(of: UInt8(ascii: "\n")) ?? outbox.count - 1) + 1
    }

    static func overrun(_ limits: ControlServer.Limits) -> ControlError {
        ControlError(.overrun, "crampd dropped this watch: it read events too slowly (more than \(limits.watchBufferBytes / 1024) KiB waiting); "
            + "watch again to go on; the events in between are in the journal: journalctl -t crampd")
    }
}
