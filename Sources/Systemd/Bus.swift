import CSystemd
import Glibc

/// A connection to a D-Bus bus through sd-bus, driven by the caller's event loop.
///
/// Nothing here blocks: the owner watches `fileDescriptor` for `events()`, arms a timer for
/// `timeoutMonotonicMicroseconds()`, and calls `process()` until it returns false whenever
/// either fires. Method calls are asynchronous with a timeout; answers and signals arrive as
/// callbacks from inside `process()`. Not thread-safe: use one connection from one queue.
///
/// Closing the connection closes its file descriptor, so the owner must stop watching the
/// descriptor before it drops the last reference.
public final class Bus {
    let pointer: OpaquePointer

    private init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { sd_bus_close_unref(pointer) }

    /// Connects to the user's session bus: `DBUS_SESSION_BUS_ADDRESS`, else `$XDG_RUNTIME_DIR/bus`.
    ///
    /// Returns before authentication completes (that happens in `process()`), so a bus daemon
    /// that does not answer cannot hang the caller. Fails with ENOENT/ECONNREFUSED when no bus
    /// listens, ENOMEDIUM when neither variable is set.
    ///
    /// The corresponding C function is `sd_bus_open_user`.
    public static func openUser() throws(SystemdError) -> Bus {
        try opening("the session bus", "sd_bus_open_user") { sd_bus_open_user(&$0) }
    }

    /// Connects to the system bus: `DBUS_SYSTEM_BUS_ADDRESS`, else `/run/dbus/system_bus_socket`.
    /// Like `openUser`, returns before authentication completes.
    ///
    /// The corresponding C function is `sd_bus_open_system`.
    public static func openSystem() throws(SystemdError) -> Bus {
        try opening("the system bus", "sd_bus_open_system") { sd_bus_open_system(&$0) }
    }

    private static func opening(_ name: String, _ function: String, _ open: (inout OpaquePointer?) -> Int32) throws(SystemdError) -> Bus {
        var bus: OpaquePointer?
        let result = open(&bus)
        if result < 0 { throw SystemdError(action: "connect to \(name)", function: function, returned: result) }
        guard let bus else { throw SystemdError(action: "connect to \(name)", function: function, code: EINVAL) }
        return Bus(bus)
    }

    /// Connects as a bus client to the bus at `address` ("unix:path=/run/…/bus"), for tests and tools.
    ///
    /// The corresponding C functions are `sd_bus_new`, `sd_bus_set_address`, `sd_bus_set_bus_client` and `sd_bus_start`.
    public static func open(address: String) throws(SystemdError) -> Bus {
        let action = "connect to the bus at \(address)"
        var created: OpaquePointer?
        var result = sd_bus_new(&created)
        if result < 0 { throw SystemdError(action: action, function: "sd_bus_new", returned: result) }
        guard let created else { throw SystemdError(action: action, function: "sd_bus_new", code: EINVAL) }
        let bus = Bus(created)
        result = sd_bus_set_address(created, address)
        if result < 0 { throw SystemdError(action: action, function: "sd_bus_set_address", returned: result) }
        result = sd_bus_set_bus_client(created, 1)
        if result < 0 { throw SystemdError(action: action, function: "sd_bus_set_bus_client", returned: result) }
        result = sd_bus_start(created)
        if result < 0 { throw SystemdError(action: action, function: "sd_bus_start", returned: result) }
        return bus
    }

    /// The descriptor to watch for `events()`.
    ///
    /// The corresponding C function is `sd_bus_get_fd`.
    public func fileDescriptor() throws(SystemdError) -> Int32 {
        let result = sd_bus_get_fd(pointer)
        if result < 0 { throw SystemdError(action: "get bus file descriptor", function: "sd_bus_get_fd", returned: result) }
        return result
    }

    /// What to wait for on `fileDescriptor()` before calling `process()` again.
    ///
    /// The corresponding C function is `sd_bus_get_events`.
    public func events() throws(SystemdError) -> BusEvents {
        let result = sd_bus_get_events(pointer)
        if result < 0 { throw SystemdError(action: "get bus events", function: "sd_bus_get_events", returned: result) }
        return BusEvents(pollEvents: result)
    }

    /// When `process()` must run at the latest even without I/O (a call times out,
    /// authentication gives up), as `CLOCK_MONOTONIC` microseconds; nil when nothing is pending.
    /// 0 means now.
    ///
    /// The corresponding C function is `sd_bus_get_timeout`.
    public func timeoutMonotonicMicroseconds() throws(SystemdError) -> UInt64? {
        var usec: UInt64 = 0
        let result = sd_bus_get_timeout(pointer, &usec)
        if result < 0 { throw SystemdError(action: "get bus timeout", function: "sd_bus_get_timeout", returned: result) }
        return usec == UInt64.max ? nil : usec
    }

    /// Does one step of work: reads or writes, runs at most one callback, expires timed-out
    /// calls. Returns true when it did something (call it again), false when it is idle.
    /// Must not be called from inside a callback.
    ///
    /// The corresponding C function is `sd_bus_process`.
    @discardableResult
    public func process() throws(SystemdError) -> Bool {
        let result = sd_bus_process(pointer, nil)
        if result < 0 { throw SystemdError(action: "process bus messages", function: "sd_bus_process", returned: result) }
        return result > 0
    }

    /// False once the connection is closed or lost; it never reopens.
    ///
    /// The corresponding C function is `sd_bus_is_open`.
    public var isOpen: Bool { sd_bus_is_open(pointer) > 0 }

    /// True once authentication and Hello are done (the bus gave us our unique name).
    ///
    /// The corresponding C function is `sd_bus_is_ready`.
    public var isReady: Bool { sd_bus_is_ready(pointer) > 0 }

    /// This connection's unique name (":1.42"); nil until `isReady`, because sd-bus would
    /// block until Hello is answered.
    ///
    /// The corresponding C function is `sd_bus_get_unique_name`.
    public func uniqueName() throws(SystemdError) -> String? {
        guard isReady else { return nil }
        var name: UnsafePointer<CChar>?
        let result = sd_bus_get_unique_name(pointer, &name)
        if result < 0 { throw SystemdError(action: "get unique bus name", function: "sd_bus_get_unique_name", returned: result) }
        return name.map { String(cString: $0) }
    }

    /// A new, empty method call message; append the arguments, then `callAsync`.
    ///
    /// The corresponding C function is `sd_bus_message_new_method_call`.
    public func methodCall(destination: String, path: String, interface: String, member: String) throws(SystemdError) -> BusMessage {
        var message: OpaquePointer?
        let result = sd_bus_message_new_method_call(pointer, &message, destination, path, interface, member)
        if result < 0 || message == nil {
            throw SystemdError(action: "create \(interface).\(member) call", function: "sd_bus_message_new_method_call", returned: min(result, -EINVAL))
        }
        return BusMessage(owning: message!)
    }

    /// Sends `call` and returns at once; `reply` runs from inside `process()` with the reply, an
    /// error reply, or a synthesized `org.freedesktop.DBus.Error.Timeout` /
    /// `org.freedesktop.DBus.Error.NoReply` when no answer came within `timeoutMicroseconds`
    /// or the connection closed. If the connection is dropped first, `reply` is released unrun.
    ///
    /// The corresponding C function is `sd_bus_call_async`.
    public func callAsync(_ call: BusMessage, timeoutMicroseconds: UInt64, reply: @escaping (BusMessage) -> Void) throws(SystemdError) {
        let box = Unmanaged.passRetained(BusCallbackBox(reply))
        var slot: OpaquePointer?
        let result = sd_bus_call_async(pointer, &slot, call.pointer, { message, userdata, _ in
            BusCallbackBox.run(message, userdata)
        }, box.toOpaque(), timeoutMicroseconds)
        if result < 0 {
            box.release()
            throw SystemdError(action: "send \(call.interface ?? "").\(call.member ?? "") call", function: "sd_bus_call_async", returned: result)
        }
        // The bus owns the slot until the reply; the box goes with the slot.
        BusSlot.handOver(slot!, box: box, floating: true)
    }

    /// Calls `handler` for every signal matching the filter (nil matches anything), from inside
    /// `process()`. Installs the match with an asynchronous AddMatch; if the bus refuses it,
    /// sd-bus closes the connection. The match lasts as long as the returned slot.
    ///
    /// The corresponding C function is `sd_bus_match_signal_async`.
    public func matchSignalAsync(sender: String? = nil, path: String? = nil, interface: String? = nil, member: String? = nil,
                                 handler: @escaping (BusMessage) -> Void) throws(SystemdError) -> BusSlot {
        let box = Unmanaged.passRetained(BusCallbackBox(handler))
        var slot: OpaquePointer?
        let result = sd_bus_match_signal_async(pointer, &slot, sender, path, interface, member, { message, userdata, _ in
            BusCallbackBox.run(message, userdata)
        }, nil, box.toOpaque())
        if result < 0 {
            box.release()
            throw SystemdError(action: "add bus match for \(interface ?? "*").\(member ?? "*")", function: "sd_bus_match_signal_async", returned: result)
        }
        return BusSlot.handOver(slot!, box: box, floating: false)!
    }

    /// Like `matchSignalAsync`, for a whole match rule, e.g. one on `arg0`:
    /// "type='signal',sender='org.freedesktop.DBus',member='NameOwnerChanged',arg0='org.freedesktop.login1'".
    ///
    /// The corresponding C function is `sd_bus_add_match_async`.
    public func addMatchAsync(_ rule: String, handler: @escaping (BusMessage) -> Void) throws(SystemdError) -> BusSlot {
        let box = Unmanaged.passRetained(BusCallbackBox(handler))
        var slot: OpaquePointer?
        let result = sd_bus_add_match_async(pointer, &slot, rule, { message, userdata, _ in
            BusCallbackBox.run(message, userdata)
        }, nil, box.toOpaque())
        if result < 0 {
            box.release()
            throw SystemdError(action: "add bus match \(rule)", function: "sd_bus_add_match_async", returned: result)
        }
        return BusSlot.handOver(slot!, box: box, floating: false)!
    }
}
