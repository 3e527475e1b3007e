import CrampCore
import Foundation

/// A fresh directory for one test's diary files, removed afterwards.
final class DiaryTemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "crampd-diary-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum DiaryTestTime {
    /// 2026-11-25 hh:mm UTC.
    static func today(_ hour: Int, _ minute: Int, second: Int = 0) -> Instant {
        Instant(microseconds: LocalDateTime(date: CivilDate(year: 2026, month: 11, day: 25),
                                            time: TimeOfDay(hour: hour, minute: minute, second: second)).microsecondsSinceEpochAsUTC)
    }
    static let now = today(15, 0)
}

extension FileManager {
    func bytes(_ path: String) -> [UInt8]? { contents(atPath: path).map { [UInt8]($0) } }
}
