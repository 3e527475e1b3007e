/// Where the bytes of time zones come from. CrampCore reads no files: the shell passes the
/// tzdata on disk (`SystemZoneFiles` in CrampDaemon), a test may pass zones from memory.
/// `TZDatabase` decodes what it returns.
public protocol ZoneProvider: Sendable {
    /// Where named zones are looked up, for messages: "/usr/share/zoneinfo".
    var location: String { get }
    /// The TZif bytes of zone `name` (one `TZDatabase.isValidName` accepts), or nil when there is none.
    func tzif(named name: String) -> [UInt8]?
    /// The contents of the file at `path` (`/etc/localtime`, `TZ=/path/to/tzfile`), or nil when it cannot be read.
    func contents(ofFile path: String) -> [UInt8]?
    /// Where the symlink at `path` points, or nil when it is not a symlink.
    func symlinkTarget(_ path: String) -> String?
}
