#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import POSIX

/// Where compiled tzdata lives. The only place in CrampCore that reads files.
public struct TZDatabase: Sendable {
    public var root: String

    public init(root: String) { self.root = root }

    public static let system = TZDatabase(root: "/usr/share/zoneinfo")

    /// Loads the zone `name` ("Europe/Berlin") from `root`.
    public func zone(named name: String) throws(ZoneError) -> Zone {
        guard Self.isValidName(name) else { throw ZoneError(message: "invalid time zone name \"\(name)\"") }
        let path = root + "/" + name
        guard let bytes = Self.readFile(path) else { throw ZoneError(message: "unknown time zone \"\(name)\" (no file \(path))") }
        return Zone(name: name, rules: try TZif.decode(bytes, name: name))
    }

    /// A zone from a TZif file anywhere, e.g. `/etc/localtime`.
    public func zone(file path: String, name: String) throws(ZoneError) -> Zone {
        guard let bytes = Self.readFile(path) else { throw ZoneError(message: "Failed to read time zone file \(path)") }
        return Zone(name: name, rules: try TZif.decode(bytes, name: name))
    }

    /// Names like systemd accepts them: path components of letters, digits, `_+-`, no `..`.
    public static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count < 256, !name.hasPrefix("/"), !name.hasSuffix("/") else { return false }
        for part in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part != ".", part != ".." else { return false }
            for c in part.utf8 {
                let ok = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)
                    || c == UInt8(ascii: "_") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
                guard ok else { return false }
            }
        }
        return true
    }

    /// The target of a symlink, or nil.
    static func symlinkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whole file contents, or nil when it cannot be read (missing, not a regular file,
    /// larger than any tzfile, unreadable): `RegularFile.read` with the time zone cap.
    static func readFile(_ path: String) -> [UInt8]? {
        guard case .success(let bytes?) = RegularFile.read(path, cap: .timeZone) else { return nil }
        return bytes
    }
}
