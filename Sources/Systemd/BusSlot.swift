import CSystemd

/// Keeps a match (or another sd-bus registration) alive; dropping it removes the registration.
public final class BusSlot {
    private let pointer: OpaquePointer

    private init(_ pointer: OpaquePointer) { self.pointer = pointer }

    /// Removes the registration at once, as dropping the last reference would.
    ///
    /// The corresponding C function is `sd_bus_slot_unref`.
    deinit { sd_bus_slot_unref(pointer) }

    /// Ties the callback box's lifetime to the slot: sd-bus calls the destroy callback when it
    /// frees the slot (after a reply, on `deinit`, or when the connection goes), and that
    /// releases the box. A floating slot belongs to the bus and nil is returned.
    ///
    /// The corresponding C functions are `sd_bus_slot_set_destroy_callback` and `sd_bus_slot_set_floating`.
    @discardableResult
    static func handOver(_ slot: OpaquePointer, box: Unmanaged<BusCallbackBox>, floating: Bool) -> BusSlot? {
        // Both only fail for a slot already disconnected, which a fresh one is not.
        _ = sd_bus_slot_set_destroy_callback(slot) { userdata in
            guard let userdata else { return }
            Unmanaged<BusCallbackBox>.fromOpaque(userdata).release()
        }
        guard floating else { return BusSlot(slot) }
        _ = sd_bus_slot_set_floating(slot, 1)
        sd_bus_slot_unref(slot)
        return nil
    }
}

/// A Swift closure behind sd-bus's C callback and `userdata` pointer.
final class BusCallbackBox {
    let handler: (BusMessage) -> Void

    init(_ handler: @escaping (BusMessage) -> Void) { self.handler = handler }

    /// The body of every C `sd_bus_message_handler_t` trampoline.
    static func run(_ message: OpaquePointer?, _ userdata: UnsafeMutableRawPointer?) -> Int32 {
        guard let message, let userdata else { return 0 }
        let box = Unmanaged<BusCallbackBox>.fromOpaque(userdata).takeUnretainedValue()
        box.handler(BusMessage(borrowing: message))
        // 0: let other matches see the message too.
        return 0
    }
}
