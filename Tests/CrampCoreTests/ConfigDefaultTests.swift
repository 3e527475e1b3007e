import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in
import Glibc
import Testing
import TOML

/// `config/crampd.toml` is the embedded default, byte for byte, and it is valid and complete.
@Suite struct ConfigDefaultTests {
    static let repositoryRoot: String = {
        // #filePath is …/Tests/CrampCoreTests/ConfigDefaultTests.swift
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    @Test func embeddedDefaultEqualsConfigFileByteForByte() throws {
        let file = try #require(Self.readFile(Self.repositoryRoot + "/config/crampd.toml"), "config/crampd.toml not found")
        let embedded = Array(DefaultConfig.text.utf8)
        let firstDifference = zip(file, embedded).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(file.count, embedded.count)
        let same = file == embedded
        #expect(same, "differs from byte \(firstDifference) on (file \(file.count) bytes, embedded \(embedded.count)); run config/embed.sh")
    }

    @Test func defaultValidatesWithoutDiagnostics() throws {
        switch ConfigLoader.loadDefault() {
        case .failure(let failure): Issue.record("default config has errors:\n\(failure.rendered())")
        case .success(let loaded):
            #expect(loaded.files == ["(built-in default)"])
            #expect(loaded.config.reminders.map(\.id) == ["water", "electrolytes", "potassium", "magnesium", "stop-drinking", "calf-stretch"])
            #expect(loaded.config.reminders.allSatisfy { $0.enabled })
        }
    }

    @Test func defaultDocumentsEveryKnownKey() {
        let text = DefaultConfig.text
        for section in ConfigSection.allCases {
            #expect(text.contains(section.heading), "\(section.heading) missing")
            for key in section.keys where !Self.mentions(text, key.name) {
                Issue.record("config/crampd.toml does not document \(section.heading) \(key.name)")
            }
        }
    }

    @Test func defaultCarriesTheMedicalNotice() {
        #expect(DefaultConfig.text.contains("EDUCATIONAL, NOT MEDICAL ADVICE"))
        // The header wraps lines; compare with the line breaks and comment marks taken out.
        let flat = DefaultConfig.text.split(separator: "\n").map { $0.drop { $0 == "#" || $0 == " " } }.joined(separator: " ")
        #expect(flat.contains("See a doctor if cramps are severe, persistent, or come with weakness or numbness"))
    }

    @Test func keyDefaultsAreWhatTheDefaultFileSays() throws {
        // Each key with a default appears in the file with that value (set or commented out),
        // so the comments never drift from the key table.
        let table = try TOML.parse(DefaultConfig.text)
        for section in [ConfigSection.daemon] {
            guard case .table(let written)? = table[section.rawValue]?.value else { Issue.record("no [\(section.rawValue)]"); continue }
            for key in section.keys {
                guard let value = key.defaultValue, let node = written[key.name] else { continue }
                if key.name == "quiet_hours" { continue }   // the default file chooses quiet hours on purpose
                #expect(node.value == value, "\(key.name)")
            }
        }
    }

    /// A key is documented when a line starts with it (as a setting or after "# ") or the key list names it.
    static func mentions(_ text: String, _ key: String) -> Bool {
        text.split(separator: "\n").contains { line in
            let trimmed = line.drop { $0 == "#" || $0 == " " }
            return trimmed.hasPrefix(key + " ") || trimmed.hasPrefix(key + ":") || trimmed.hasPrefix(key + " =")
        }
    }
}
