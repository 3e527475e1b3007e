import CX11
import CrampCore
import Dispatch

/// "No keyboard or mouse input for `away_after`", from the X server's own idle counter: the
/// SYNC extension's IDLETIME system counter with two alarms, one on its positive transition
/// past `away_after` (away) and one on its negative transition back below it (input: back).
/// The server sends an event only at those moments; the connection's descriptor is watched
/// with a read source on the daemon queue. No polling, no timer of its own.
///
/// libX11 and libXext are loaded on first use (CX11), so `crampd ctl` never pays for them.
/// Everything runs on the daemon queue.
final class X11IdleWatcher {
    private let queue: DispatchQueue
    private let display: OpaquePointer
    private let eventBase: Int32
    private let becameIdle: XSyncAlarm
    private let becameActive: XSyncAlarm
    private let source: DispatchSourceRead
    /// Set by Xlib's I/O error exit handler: the server is gone, the display unusable.
    private let lost = LostFlag()
    /// Told `true` with how long there has been no input, or `false` at input; on the daemon queue.
    private let report: (_ idle: Bool, _ idleFor: TimeSpan) -> Void
    /// Told once when the connection to the X server is lost.
    var onLost: (() -> Void)?
    private(set) var isClosed = false

    /// Why there is no X11 idle counter to watch.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    private final class LostFlag { var isSet = false }

    /// Opens `displayName` (`DISPLAY`) and sets the alarms at `awayAfter`; reports the current
    /// state at once when the person is away already.
    init(displayName: String, awayAfter: TimeSpan, queue: DispatchQueue,
         report: @escaping (_ idle: Bool, _ idleFor: TimeSpan) -> Void) throws(Unavailable) {
        dispatchPrecondition(condition: .onQueue(queue))
        self.queue = queue
        self.report = report
        guard let display = XOpenDisplay(displayName) else {
            let loadError = String(cString: crampd_x11_load_error())
            throw Unavailable(description: loadError.isEmpty ? "Failed to open X display \(displayName)"
                                                             : "Failed to load the X11 libraries: \(loadError)")
        }
        // Xlib's default handlers end the process on any error; crampd must outlive its display.
        // A lost connection calls the I/O error handler (the default one prints and exits), then
        // the exit handler (libX11 1.7 and later; the default one exits): both only take note.
        _ = XSetErrorHandler { _, _ in 0 }
        _ = XSetIOErrorHandler { _ in 0 }
        XSetIOErrorExitHandler(display, { _, data in
            data.map { Unmanaged<LostFlag>.fromOpaque($0).takeUnretainedValue().isSet = true }
        }, Unmanaged.passUnretained(lost).toOpaque())
        var eventBase: Int32 = 0, errorBase: Int32 = 0, major: Int32 = 0, minor: Int32 = 0
        guard XSyncQueryExtension(display, &eventBase, &errorBase) != 0, XSyncInitialize(display, &major, &minor) != 0,
              let idleCounter = Self.idleCounter(display) else {
            XCloseDisplay(display)
            throw Unavailable(description: "The X server on \(displayName) has no SYNC extension with an IDLETIME counter")
        }
        let threshold = Self.syncValue(awayAfter)
        self.display = display
        self.eventBase = eventBase
        becameIdle = Self.alarm(display, idleCounter, threshold, XSyncPositiveTransition)
        becameActive = Self.alarm(display, idleCounter, threshold, XSyncNegativeTransition)
        source = DispatchSource.makeReadSource(fileDescriptor: XConnectionNumber(display), queue: queue)
        XFlush(display)
        source.setEventHandler { [weak self] in self?.drain() }
        source.activate()
        var now = XSyncValue()
        if XSyncQueryCounter(display, idleCounter, &now) != 0, Self.milliseconds(now) >= Self.milliseconds(threshold) {
            report(true, TimeSpan(microseconds: Self.milliseconds(now).saturatingMultiplied(by: 1000)))
        }
        drain()
    }

    deinit { close() }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        source.cancel()
        // A lost display is not touched again (Xlib marks it dead); its memory stays, once.
        if !lost.isSet { XCloseDisplay(display) }
    }

    /// Every event Xlib has or can read without blocking.
    private func drain() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard !isClosed else { return }
        while !lost.isSet, XPending(display) > 0 {
            var event = XEvent()
            XNextEvent(display, &event)
            guard !lost.isSet, event.type == eventBase + crampd_sync_alarm_notify else { continue }
            let alarm = withUnsafeBytes(of: &event) { $0.load(as: XSyncAlarmNotifyEvent.self) }
            if alarm.alarm == becameIdle {
                report(true, TimeSpan(microseconds: Self.milliseconds(alarm.counter_value).saturatingMultiplied(by: 1000)))
            } else if alarm.alarm == becameActive {
                report(false, .zero)
            }
        }
        if lost.isSet {
            close()
            onLost?()
        }
    }

    private static func idleCounter(_ display: OpaquePointer) -> XSyncCounter? {
        var count: Int32 = 0
        guard let list = XSyncListSystemCounters(display, &count) else { return nil }
        defer { XSyncFreeSystemCounterList(list) }
        for index in 0..<Int(max(0, count)) where String(cString: list[index].name) == "IDLETIME" {
            return list[index].counter
        }
        return nil
    }

    private static func alarm(_ display: OpaquePointer, _ counter: XSyncCounter, _ value: XSyncValue,
                              _ test: XSyncTestType) -> XSyncAlarm {
        var attributes = XSyncAlarmAttributes()
        attributes.trigger.counter = counter
        attributes.trigger.value_type = XSyncAbsolute
        attributes.trigger.wait_value = value
        attributes.trigger.test_type = test
        // A transition alarm stays armed with delta 0: it fires at every crossing.
        attributes.delta = XSyncValue(hi: 0, lo: 0)
        attributes.events = 1
        return XSyncCreateAlarm(display, crampd_sync_alarm_attributes, &attributes)
    }

    /// IDLETIME counts milliseconds.
    private static func syncValue(_ span: TimeSpan) -> XSyncValue {
        let milliseconds = max(1, span.microseconds / 1000)
        return XSyncValue(hi: Int32(truncatingIfNeeded: milliseconds >> 32), lo: UInt32(truncatingIfNeeded: milliseconds))
    }

    private static func milliseconds(_ value: XSyncValue) -> Int64 { Int64(value.hi) << 32 | Int64(value.lo) }
}
