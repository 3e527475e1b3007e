import CrampCore
import Dispatch
import Logging

extension Daemon {
    /// Starts, restarts or stops watching the X server's idle counter to match `[daemon] away_after`
    /// and `DISPLAY`: at start and after a reload. No display, no library, no SYNC extension: one
    /// warning, and presence simply has no X11 part.
    func updateX11Idle() {
        dispatchPrecondition(condition: .onQueue(queue))
        let awayAfter = loaded.config.daemon.awayAfter
        let display = options.environment["DISPLAY"].flatMap { $0.isEmpty ? nil : $0 }
        let wanted = awayAfter.flatMap { span in display.map { X11IdleSetting(display: $0, awayAfter: span) } }
        guard wanted != x11IdleSetting else { return }
        x11Idle?.close()
        x11Idle = nil
        x11IdleSetting = wanted
        presenceChanged(PresenceSignal(source: .x11Idle, active: false, since: clockNow()))
        guard let wanted else { return }
        do {
            let watcher = try X11IdleWatcher(displayName: wanted.display, awayAfter: wanted.awayAfter, queue: queue) {
                [unowned self] idle, idleFor in
                let now = clockNow()
                self.presenceChanged(PresenceSignal(source: .x11Idle, active: idle, since: idle ? now - idleFor : now))
            }
            watcher.onLost = { [unowned self] in
                logger.warning("Lost the connection to X display \(wanted.display); away (no input) is not detected until crampd is restarted or reloaded")
                x11Idle = nil
                x11IdleSetting = nil
                presenceChanged(PresenceSignal(source: .x11Idle, active: false, since: clockNow()))
            }
            x11Idle = watcher
            logger.info("Away after \(DurationSyntax.format(wanted.awayAfter)) without input on X display \(wanted.display)")
        } catch {
            logger.warning("\(error.description); away (no input) is not detected from X11")
        }
    }
}

/// What the X11 idle watcher was started for.
struct X11IdleSetting: Equatable {
    var display: String
    var awayAfter: TimeSpan
}
