#if canImport(CrampCore)  // bench/calendar.sh compiles this file into one module with CrampCore/Time
import CrampCore
#endif
import Glibc
import POSIX

/// The system's tzdata, for `TZDatabase`: the files under `/usr/share/zoneinfo`,
/// `/etc/localtime` and whatever `$TZ` names. The pure core only decodes what this reads.
public struct SystemZoneFiles: ZoneProvider {
    public let location: String

    public init(location: String = "/usr/share/zoneinfo") { self.location = location }

    public func tzif(named name: String) -> [UInt8]? { contents(ofFile: location + "/" + name) }

    /// Whole file contents, or nil when it cannot be read (missing, not a regular file,
    /// larger than any tzfile, unreadable): `RegularFile.read` with the time zone cap.
    public func contents(ofFile path: String) -> [UInt8]? {
        guard case .success(let bytes?) = RegularFile.read(path, cap: .timeZone) else { return nil }
        return bytes
    }

    public func symlinkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
