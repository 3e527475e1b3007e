import CSystemd
import Glibc

/// Structured logging to the systemd journal.
///
/// Everything crampd reports (reminders, operational messages) goes through `send`,
/// so every field crampd writes is checked in one place.
public enum Journal {
    /// The datagram socket journald listens on for native protocol entries.
    public static let socketPath = "/run/systemd/journal/socket"

    /// True when journald answers on its socket, so entries sent now have somewhere to go.
    ///
    /// The daemon checks this at start-up: without a journal (run by hand on a machine
    /// without journald) it writes readable lines to stderr instead.
    public static var isAvailable: Bool { isAvailable(at: socketPath) }

    /// True when a datagram socket at `path` accepts a connection. A socket file alone does not
    /// count: a journald that has stopped leaves its socket file behind.
    ///
    /// The corresponding C functions are `socket` and `connect`.
    public static func isAvailable(at path: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }

    /// True when stderr is the journal stream systemd connected for this service.
    ///
    /// systemd sets `JOURNAL_STREAM=<device>:<inode>` for services whose output goes to the
    /// journal; when it matches stderr, anything printed there already lands in the journal,
    /// so printing a fallback line as well would log it twice.
    public static var isStderrJournalStream: Bool {
        guard let value = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(STDERR_FILENO, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }

    /// Sends one entry to the journal, fields in the given order.
    ///
    /// Values may contain newlines and any bytes; names must be valid journal field names
    /// (see `isValidFieldName`), since journald silently drops fields with invalid names.
    /// An entry needs a `MESSAGE` field to show up in plain `journalctl` output.
    ///
    /// The corresponding C function is `sd_journal_sendv`.
    public static func send(_ fields: [(name: String, value: String)]) throws(SystemdError) {
        let action = "send journal entry"
        guard !fields.isEmpty else {
            throw SystemdError(action: action, function: nil, code: EINVAL, detail: "no fields")
        }
        for field in fields where !isValidFieldName(field.name) {
            throw SystemdError(
                action: action, function: nil, code: EINVAL,
                detail: "invalid field name \"\(field.name)\": use uppercase letters, digits and underscores, not starting with an underscore")
        }
        // One buffer holds every "NAME=value"; the iovecs point into it.
        let encoded = fields.map { Array("\($0.name)=\($0.value)".utf8) }
        let total = encoded.reduce(0) { $0 + $1.count }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(total, 1), alignment: 1)
        defer { buffer.deallocate() }
        var vectors = [iovec]()
        vectors.reserveCapacity(encoded.count)
        var offset = 0
        for bytes in encoded {
            let start = buffer.baseAddress! + offset
            bytes.withUnsafeBytes { start.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            vectors.append(iovec(iov_base: start, iov_len: bytes.count))
            offset += bytes.count
        }
        let result = vectors.withUnsafeBufferPointer {
            sd_journal_sendv($0.baseAddress, Int32($0.count))
        }
        if result < 0 {
            throw SystemdError(action: action, function: "sd_journal_sendv", returned: result)
        }
    }

    /// Sends an entry with `MESSAGE`, `PRIORITY` and `SYSLOG_IDENTIFIER` (what `journalctl -t`
    /// and `-p` filter on), followed by `fields` such as `MESSAGE_ID` and `CRAMPD_*`.
    public static func send(
        message: String, priority: JournalPriority, identifier: String = "crampd",
        fields: [(name: String, value: String)] = []
    ) throws(SystemdError) {
        try send([("MESSAGE", message), priority.field, ("SYSLOG_IDENTIFIER", identifier)] + fields)
    }

    /// True for names journald accepts from clients: 1–64 characters of `A–Z`, `0–9` and `_`,
    /// not starting with `_` (reserved for trusted fields) or a digit.
    public static func isValidFieldName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 64 else { return false }
        guard first != UInt8(ascii: "_"), !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }
}
