/// Zones decoded from what a `ZoneProvider` hands in (the system tzdata, or a test's zones).
/// Pure: the provider does the reading.
public struct TZDatabase: Sendable {
    public let provider: any ZoneProvider

    public init(_ provider: any ZoneProvider) { self.provider = provider }

    /// Loads the zone `name` ("Europe/Berlin").
    public func zone(named name: String) throws(ZoneError) -> Zone {
        guard Self.isValidName(name) else { throw ZoneError(message: "invalid time zone name \"\(name)\"") }
        guard let bytes = provider.tzif(named: name) else {
            throw ZoneError(message: "unknown time zone \"\(name)\" (no file \(provider.location)/\(name))")
        }
        return Zone(name: name, rules: try TZif.decode(bytes, name: name))
    }

    /// A zone from a TZif file anywhere, e.g. `/etc/localtime`.
    public func zone(file path: String, name: String) throws(ZoneError) -> Zone {
        guard let bytes = provider.contents(ofFile: path) else { throw ZoneError(message: "Failed to read time zone file \(path)") }
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
}
