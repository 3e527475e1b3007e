// Shared by the protocol and planner fuzz targets: an instant and a zone chosen by the input,
// so the edges of time (Int64.min/max microseconds, DST gaps and repeats) are reached.
import CrampCore

enum FuzzTime {
    /// Zones with the rules that stress local time: none, a usual DST, the southern
    /// hemisphere's, a half-hour DST shift, and a zone that skipped a whole day.
    static let zoneNames = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kolkata"]
    nonisolated(unsafe) static var zones: [Zone] = [.utc] + zoneNames.compactMap { try? Zone.named($0) }

    /// The first 8 bytes (little-endian) are microseconds since the epoch, all of Int64;
    /// the 9th picks the zone. Short inputs give 2026-11-25 12:00 UTC.
    static func pick(_ bytes: [UInt8]) -> (Instant, Zone) {
        guard bytes.count >= 9 else { return (Instant(microseconds: 1_795_608_000_000_000), .utc) }
        var raw: UInt64 = 0
        for i in (0..<8).reversed() { raw = raw << 8 | UInt64(bytes[i]) }
        return (Instant(microseconds: Int64(bitPattern: raw)), zones[Int(bytes[8]) % zones.count])
    }
}
