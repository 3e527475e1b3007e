import CrampDaemon
import Foundation
import Testing

/// The version is set once, in VERSION; the binary, the Debian changelog, the PKGBUILD and the
/// manual must say the same (scripts/version.sh writes them, this catches a forgotten run).
@Suite struct VersionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theBinaryPrintsTheVersionFile() throws {
        let version = try Self.text("VERSION").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(CrampdBuild.version == version)
    }

    @Test func packagesAndManualAgreeWithTheVersionFile() throws {
        let version = try Self.text("VERSION").trimmingCharacters(in: .whitespacesAndNewlines)
        let changelog = try Self.text("debian/changelog").split(separator: "\n").first.map(String.init)
        #expect(changelog?.hasPrefix("crampd (\(version)) ") == true, "debian/changelog starts with \(changelog ?? "nothing")")
        let pkgver = try Self.text("packaging/arch/PKGBUILD").split(separator: "\n").first { $0.hasPrefix("pkgver=") }
        #expect(pkgver == "pkgver=\(version)")
        let manual = try Self.text("docs/crampd.toml.5").split(separator: "\n").first.map(String.init)
        #expect(manual?.contains("\"crampd \(version)\"") == true, "docs/crampd.toml.5 starts with \(manual ?? "nothing")")
    }
}
