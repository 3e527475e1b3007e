#if canImport(CrampCore)  // bench/calendar.sh compiles this file into one module with CrampCore/Time
import CrampCore
#endif
import Glibc

/// The system's tzdata, for `TZDatabase`: the files under `/usr/share/zoneinfo`,
/// `/etc/localtime` and whatever `$TZ` names. The pure core only decodes what this reads.
public struct SystemZoneFiles: ZoneProvider {
    public let location: String

    public init(location: String = "/usr/share/zoneinfo") { self.location = location }

    public func tzif(named name: String) -> [UInt8]? { contents(ofFile: location + "/" + name) }

    /// Whole file contents, or nil when it cannot be read (missing, a directory, unreadable, over 4 MiB).
    public func contents(ofFile path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
            if result.count > 1 << 22 { return nil }  // no tzfile is this large
        }
        return result
    }

    public func symlinkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
