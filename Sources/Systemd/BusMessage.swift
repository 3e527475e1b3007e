import CSystemd
import Glibc

/// One D-Bus message: a call being built, or a reply or signal being read.
///
/// Arguments are appended and read one basic value at a time, in signature order, with
/// containers opened and closed around them (the variadic `sd_bus_message_append` and
/// `sd_bus_message_read` cannot be called from Swift). Reading consumes the arguments.
public final class BusMessage {
    let pointer: OpaquePointer

    /// Takes over a reference the caller owns.
    init(owning pointer: OpaquePointer) { self.pointer = pointer }

    /// Takes a new reference to a message sd-bus lends to a callback.
    ///
    /// The corresponding C function is `sd_bus_message_ref`.
    init(borrowing pointer: OpaquePointer) { self.pointer = sd_bus_message_ref(pointer) }

    /// The corresponding C function is `sd_bus_message_unref`.
    deinit { sd_bus_message_unref(pointer) }

    // MARK: Header

    /// The corresponding C function is `sd_bus_message_get_member`.
    public var member: String? { sd_bus_message_get_member(pointer).map { String(cString: $0) } }
    /// The corresponding C function is `sd_bus_message_get_interface`.
    public var interface: String? { sd_bus_message_get_interface(pointer).map { String(cString: $0) } }
    /// The corresponding C function is `sd_bus_message_get_path`.
    public var path: String? { sd_bus_message_get_path(pointer).map { String(cString: $0) } }
    /// The unique name of the connection that sent it (":1.7").
    ///
    /// The corresponding C function is `sd_bus_message_get_sender`.
    public var sender: String? { sd_bus_message_get_sender(pointer).map { String(cString: $0) } }

    /// The error an error reply carries (also the synthesized Timeout and NoReply), nil otherwise.
    ///
    /// The corresponding C function is `sd_bus_message_get_error`.
    public var error: BusMethodError? {
        guard let error = sd_bus_message_get_error(pointer), let name = error.pointee.name else { return nil }
        return BusMethodError(name: String(cString: name), message: error.pointee.message.map { String(cString: $0) })
    }

    // MARK: Appending

    /// Appends `s`.
    public func append(_ value: String) throws(SystemdError) {
        let result = value.withCString { sd_bus_message_append_basic(pointer, CChar(UInt8(ascii: "s")), $0) }
        try check(result, "sd_bus_message_append_basic", "append string")
    }

    /// Appends `u`.
    public func append(_ value: UInt32) throws(SystemdError) { try appendBasic("u", value) }
    /// Appends `i`.
    public func append(_ value: Int32) throws(SystemdError) { try appendBasic("i", value) }
    /// Appends `y`.
    public func append(_ value: UInt8) throws(SystemdError) { try appendBasic("y", value) }
    /// Appends `b`.
    public func append(_ value: Bool) throws(SystemdError) { try appendBasic("b", Int32(value ? 1 : 0)) }

    /// Appends `as`.
    public func append(_ values: [String]) throws(SystemdError) {
        try openContainer("a", contents: "s")
        for value in values { try append(value) }
        try closeContainer()
    }

    /// Appends `a{sv}`, entries in the given order.
    public func append(_ dictionary: [(key: String, value: BusVariant)]) throws(SystemdError) {
        try openContainer("a", contents: "{sv}")
        for (key, value) in dictionary {
            try openContainer("e", contents: "sv")
            try append(key)
            try openContainer("v", contents: value.signature)
            switch value {
            case .string(let string): try append(string)
            case .byte(let byte): try append(byte)
            case .int32(let int): try append(int)
            case .uint32(let uint): try append(uint)
            case .bool(let bool): try append(bool)
            case .uint64(let uint): try appendBasic("t", uint)
            case .objectPath(let path): try appendObjectPath(path)
            case .strings(let strings): try append(strings)
            }
            try closeContainer()
            try closeContainer()
        }
        try closeContainer()
    }

    /// Appends `o`.
    public func appendObjectPath(_ path: String) throws(SystemdError) {
        let result = path.withCString { sd_bus_message_append_basic(pointer, CChar(UInt8(ascii: "o")), $0) }
        try check(result, "sd_bus_message_append_basic", "append object path")
    }

    /// Opens an array `a`, struct `r`, dict entry `e` or variant `v` whose element signature is `contents`.
    ///
    /// The corresponding C function is `sd_bus_message_open_container`.
    public func openContainer(_ type: Unicode.Scalar, contents: String) throws(SystemdError) {
        try check(sd_bus_message_open_container(pointer, CChar(UInt8(ascii: type)), contents), "sd_bus_message_open_container", "open container \(type)")
    }

    /// The corresponding C function is `sd_bus_message_close_container`.
    public func closeContainer() throws(SystemdError) {
        try check(sd_bus_message_close_container(pointer), "sd_bus_message_close_container", "close container")
    }

    /// The corresponding C function is `sd_bus_message_append_basic`.
    private func appendBasic<T>(_ type: Unicode.Scalar, _ value: T) throws(SystemdError) {
        var copy = value
        let result = withUnsafePointer(to: &copy) { sd_bus_message_append_basic(pointer, CChar(UInt8(ascii: type)), $0) }
        try check(result, "sd_bus_message_append_basic", "append \(type)")
    }

    // MARK: Reading

    /// Reads `s`; nil at the end of the current container.
    public func readString() throws(SystemdError) -> String? { try readText("s", "read string") }

    /// Reads `s` or `o`.
    private func readText(_ type: Unicode.Scalar, _ action: String) throws(SystemdError) -> String? {
        var value: UnsafePointer<CChar>?
        let result = sd_bus_message_read_basic(pointer, CChar(UInt8(ascii: type)), &value)
        try check(result, "sd_bus_message_read_basic", action)
        guard result > 0, let value else { return nil }
        return String(cString: value)
    }

    /// Reads `u`; nil at the end of the current container.
    public func readUInt32() throws(SystemdError) -> UInt32? { try readBasic("u", UInt32(0)) }
    /// Reads `i`; nil at the end of the current container.
    public func readInt32() throws(SystemdError) -> Int32? { try readBasic("i", Int32(0)) }

    /// Reads `b`; nil at the end of the current container.
    public func readBool() throws(SystemdError) -> Bool? { try readBasic("b", Int32(0)).map { $0 != 0 } }
    /// Reads `t`; nil at the end of the current container.
    public func readUInt64() throws(SystemdError) -> UInt64? { try readBasic("t", UInt64(0)) }

    /// Reads `o`; nil at the end of the current container.
    public func readObjectPath() throws(SystemdError) -> String? { try readText("o", "read object path") }

    /// Reads `h` and returns a duplicate the caller owns and must close (the message's own
    /// descriptor closes with the message); nil at the end of the current container.
    ///
    /// The corresponding C functions are `sd_bus_message_read_basic` and `fcntl(F_DUPFD_CLOEXEC)`.
    public func readFileDescriptor() throws(SystemdError) -> Int32? {
        guard let borrowed = try readBasic("h", Int32(-1)) else { return nil }
        let owned = fcntl(borrowed, F_DUPFD_CLOEXEC, 3)
        if owned < 0 { throw SystemdError(action: "keep the file descriptor of a bus message", function: "fcntl", code: errno) }
        return owned
    }

    /// Skips the next value, whatever its type.
    ///
    /// The corresponding C functions are `sd_bus_message_peek_type` and `sd_bus_message_skip`.
    public func skipValue() throws(SystemdError) {
        var type: CChar = 0
        var contents: UnsafePointer<CChar>?
        let peeked = sd_bus_message_peek_type(pointer, &type, &contents)
        try check(peeked, "sd_bus_message_peek_type", "peek at value")
        guard peeked > 0 else { return }
        let signature: String
        switch UInt8(bitPattern: type) {
        case UInt8(ascii: "a"): signature = "a" + (contents.map { String(cString: $0) } ?? "")
        case UInt8(ascii: "r"): signature = "(" + (contents.map { String(cString: $0) } ?? "") + ")"
        case UInt8(ascii: "e"): signature = "{" + (contents.map { String(cString: $0) } ?? "") + "}"
        default: signature = String(UnicodeScalar(UInt8(bitPattern: type)))
        }
        try check(sd_bus_message_skip(pointer, signature), "sd_bus_message_skip", "skip \(signature)")
    }

    /// Reads a property map `a{sv}` (GetAll, PropertiesChanged): the values of the types
    /// `BusVariant` knows, the others skipped. At most `limit` entries are kept.
    public func readProperties(limit: Int = 256) throws(SystemdError) -> [String: BusVariant] {
        try enterContainer("a", contents: "{sv}")
        var properties: [String: BusVariant] = [:]
        while try enterContainerIfAny("e", contents: "sv") {
            guard let name = try readString() else { break }
            if let value = try readVariant(), properties.count < limit { properties[name] = value }
            try exitContainer()
        }
        try exitContainer()
        return properties
    }

    /// Reads a variant `v` of a type `BusVariant` knows; skips any other and returns nil.
    public func readVariant() throws(SystemdError) -> BusVariant? {
        var type: CChar = 0
        var contents: UnsafePointer<CChar>?
        try check(sd_bus_message_peek_type(pointer, &type, &contents), "sd_bus_message_peek_type", "peek at variant")
        let inner = contents.map { String(cString: $0) } ?? ""
        guard UInt8(bitPattern: type) == UInt8(ascii: "v") else {
            throw SystemdError(action: "read variant", function: "sd_bus_message_peek_type", code: ENXIO, detail: "expected a variant")
        }
        guard ["b", "s", "u", "i", "y", "t", "o", "as"].contains(inner) else {
            try skipValue()
            return nil
        }
        try enterContainer("v", contents: inner)
        defer { _ = try? exitContainer() }
        switch inner {
        case "b": return try readBool().map(BusVariant.bool)
        case "s": return try readString().map(BusVariant.string)
        case "u": return try readUInt32().map(BusVariant.uint32)
        case "i": return try readInt32().map(BusVariant.int32)
        case "y": return try readBasic("y", UInt8(0)).map(BusVariant.byte)
        case "t": return try readUInt64().map(BusVariant.uint64)
        case "o": return try readObjectPath().map(BusVariant.objectPath)
        default: return .strings(try readStrings())
        }
    }

    /// Enters a container of the given type if one comes next: false at the end of the enclosing one.
    public func enterContainerIfAny(_ type: Unicode.Scalar, contents: String) throws(SystemdError) -> Bool {
        let result = sd_bus_message_enter_container(pointer, CChar(UInt8(ascii: type)), contents)
        try check(result, "sd_bus_message_enter_container", "enter container \(type)\(contents)")
        return result > 0
    }

    /// Reads `as`.
    public func readStrings() throws(SystemdError) -> [String] {
        try enterContainer("a", contents: "s")
        var strings: [String] = []
        while let string = try readString() { strings.append(string) }
        try exitContainer()
        return strings
    }

    /// The corresponding C function is `sd_bus_message_enter_container`.
    public func enterContainer(_ type: Unicode.Scalar, contents: String) throws(SystemdError) {
        let result = sd_bus_message_enter_container(pointer, CChar(UInt8(ascii: type)), contents)
        try check(result, "sd_bus_message_enter_container", "enter container \(type)\(contents)")
        if result == 0 { throw SystemdError(action: "enter container \(type)\(contents)", function: "sd_bus_message_enter_container", code: ENXIO, detail: "no such container here") }
    }

    /// The corresponding C function is `sd_bus_message_exit_container`.
    public func exitContainer() throws(SystemdError) {
        try check(sd_bus_message_exit_container(pointer), "sd_bus_message_exit_container", "exit container")
    }

    /// The corresponding C function is `sd_bus_message_read_basic`.
    private func readBasic<T>(_ type: Unicode.Scalar, _ initial: T) throws(SystemdError) -> T? {
        var value = initial
        let result = withUnsafeMutablePointer(to: &value) { sd_bus_message_read_basic(pointer, CChar(UInt8(ascii: type)), $0) }
        try check(result, "sd_bus_message_read_basic", "read \(type)")
        return result > 0 ? value : nil
    }

    /// "Failed to append string in org.freedesktop.Notifications.Notify message: sd_bus_message_append_basic: …",
    /// "Failed to read u in reply: …".
    private func check(_ result: Int32, _ function: String, _ action: String) throws(SystemdError) {
        if result < 0 {
            let message = member.map { "\(interface.map { $0 + "." } ?? "")\($0) message" } ?? "reply"
            throw SystemdError(action: "\(action) in \(message)", function: function, returned: result)
        }
    }
}

/// A value inside a `v` (variant), as notification hints use them.
public enum BusVariant: Sendable, Equatable {
    case string(String)
    case byte(UInt8)
    case int32(Int32)
    case uint32(UInt32)
    case bool(Bool)
    case uint64(UInt64)
    case objectPath(String)
    case strings([String])

    var signature: String {
        switch self {
        case .string: "s"
        case .byte: "y"
        case .int32: "i"
        case .uint32: "u"
        case .bool: "b"
        case .uint64: "t"
        case .objectPath: "o"
        case .strings: "as"
        }
    }
}

/// An error reply: `org.freedesktop.DBus.Error.ServiceUnknown` and its text.
public struct BusMethodError: Error, Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var message: String?

    public init(name: String, message: String?) { self.name = name; self.message = message }

    public static let serviceUnknown = "org.freedesktop.DBus.Error.ServiceUnknown"
    public static let timeout = "org.freedesktop.DBus.Error.Timeout"
    public static let noReply = "org.freedesktop.DBus.Error.NoReply"

    /// "org.freedesktop.DBus.Error.ServiceUnknown: The name … was not provided by any .service files".
    public var description: String { message.map { "\(name): \($0)" } ?? name }
}
