#if canImport(Glibc)
import Glibc
#endif
@testable import CrampCore

/// Runs a shell command and returns its standard output (tests only: zdump and systemd-analyze are the references).
func shellOutput(_ command: String) -> String {
    guard let pipe = popen(command, "r") else { return "" }
    defer { pclose(pipe) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = fread(&buffer, 1, buffer.count, pipe)
        if n <= 0 { break }
        out.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: out, as: UTF8.self)
}

func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Instant {
    Instant(microseconds: LocalDateTime(date: CivilDate(year: y, month: mo, day: d), time: TimeOfDay(hour: h, minute: mi, second: s)).microsecondsSinceEpochAsUTC)
}

func local(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> LocalDateTime {
    LocalDateTime(date: CivilDate(year: y, month: mo, day: d), time: TimeOfDay(hour: h, minute: mi, second: s))
}

let monthNumbers = ["Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12]

/// One line of `zdump -v`: the UT instant, the offset and flags glibc reports there.
struct ZdumpLine { var instant: Instant; var offset: Int; var isDST: Bool; var abbreviation: String }

/// `zdump -v -c FROM,TO ZONE`, parsed: both sides of every transition.
func zdump(_ zone: String, from: Int, to: Int) -> [ZdumpLine] {
    shellOutput("zdump -v -c \(from),\(to) \(zone)").split(separator: "\n").compactMap { line in
        // Europe/Berlin  Sun Mar 29 00:59:59 2026 UT = Sun Mar 29 01:59:59 2026 CET isdst=0 gmtoff=3600
        let f = line.split(separator: " ", omittingEmptySubsequences: true)
        guard f.count >= 16, f[6] == "UT", let mo = monthNumbers[String(f[2])], let d = Int(f[3]), let y = Int(f[5]) else { return nil }
        let hms = f[4].split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3, let off = Int(f[15].dropFirst("gmtoff=".count)) else { return nil }
        return ZdumpLine(instant: utc(y, mo, d, hms[0], hms[1], hms[2]), offset: off, isDST: f[14] == "isdst=1", abbreviation: String(f[13]))
    }
}
